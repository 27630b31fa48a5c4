import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { MailOptOuts } from '@app/messaging';

/** The web page of a mail's "Unsubscribe" link (/u/<token>); mail clients POST /u/<token> instead (UnsubscribeController). */
@Resolver()
export class UnsubscribeResolver {
  constructor(private readonly optOuts: MailOptOuts) {}

  @Mutation(() => Boolean, {
    description:
      'No login: the address the token is for gets no more non-transactional mail (broadcasts, digests, staff alerts); true again when it had unsubscribed already. A token we did not make is BAD_USER_INPUT (field token) and changes nothing',
  })
  async unsubscribeMail(@Args('token') token: string): Promise<boolean> {
    await this.optOuts.unsubscribe(token);
    return true;
  }
}
