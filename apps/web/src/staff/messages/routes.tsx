import { Route, Switch } from 'wouter';
import { BroadcastPage } from './broadcast-page';
import { MessagesNav } from './messages-nav';
import { OutboxPage } from './outbox-page';
import { PreviewPage } from './preview-page';
import { RepliesPage } from './replies-page';
import './messages.css';

/** The messages desk, under /staff/messages: the outbox, failed deliveries, previews, broadcasts and SMS replies. */
export default function MessagesRoutes() {
  return (
    <>
      <MessagesNav />
      <Switch>
        <Route path="/failed">
          <OutboxPage failedOnly />
        </Route>
        <Route path="/preview">
          <PreviewPage />
        </Route>
        <Route path="/broadcast">
          <BroadcastPage />
        </Route>
        <Route path="/replies">
          <RepliesPage />
        </Route>
        <Route path="/">
          <OutboxPage />
        </Route>
      </Switch>
    </>
  );
}
