/**
 * The web app's strings for one language. They live in the same translation file as that
 * language's messages (catalogues/<lang>.ts, export `ui`), so a translator sees everything of one
 * language in one place. The web app imports only `ui`, one language at a time, so the message
 * catalogues never reach the browser.
 *
 * Write plain language (A2): short sentences, everyday words, "je"/"tu"/"you". `{name}` is replaced
 * by a value. A PluralForms value is picked with Intl.PluralRules of the language (Arabic needs
 * zero/one/two/few/many/other, Russian and Ukrainian one/few/many/other); `other` is required.
 */
export type PluralForms = { other: string } & Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>>;

export interface UiStrings {
  siteName: string;
  /** The skip link, the first thing keyboard users reach. */
  skipToContent: string;
  /** Label of the language switcher. Add "Language" in English when the script is not Latin. */
  chooseLanguage: string;
  footer: string;
  loading: string;
  loadError: string;
  retry: string;
  schedule: {
    /** The page title and heading of the public schedule. */
    title: string;
    intro: string;
    filtersHeading: string;
    programme: string;
    anyProgramme: string;
    /** The place filter: a school, a neighbourhood centre, the library, … */
    place: string;
    anyPlace: string;
    day: string;
    anyDay: string;
    /** Filter on the languages a programme is offered in (besides Dutch). */
    language: string;
    anyLanguage: string;
    clearFilters: string;
    /** {count}: how many sessions the filters leave. */
    results: PluralForms;
    noResults: string;
    thisWeek: string;
    nextWeek: string;
    /** {count}: free seats. */
    seatsFree: PluralForms;
    full: string;
    /** {count}: people on the waiting list. */
    waitlist: PluralForms;
    loadMore: string;
  };
  session: {
    backToSchedule: string;
    when: string;
    /** After the time: the times are Belgian time. */
    timeZoneNote: string;
    where: string;
    programme: string;
    languages: string;
    seats: string;
    /** {free} free seats of {capacity}. */
    seatsOf: string;
    /** Under "full" on a session's page. */
    fullNote: string;
    accessibility: string;
    cancelled: string;
    /** {reason}: why the session was cancelled. */
    cancelledReason: string;
    notFound: string;
  };
  notFound: {
    title: string;
    text: string;
    home: string;
  };
  /** Staff (school contacts, hosts, the city) sign in; the public pages need no account. */
  account: {
    /** The footer link to the login page. */
    staffLogin: string;
    loginTitle: string;
    loginIntro: string;
    email: string;
    password: string;
    login: string;
    wrongLogin: string;
    logout: string;
    /** {name}: the signed-in user's name. */
    signedInAs: string;
    mySchool: string;
    /** A signed-in user without the role a page is for. */
    notForYou: string;
  };
  /** The school contact's pages: the school's schoolbabbel dates, registering parents, the waiting list. */
  school: {
    /** {school}: the school's name. */
    title: string;
    intro: string;
    noSessions: string;
    backToDates: string;
    seated: string;
    waiting: string;
    nobody: string;
    /** {position}: place on the waiting list, 1 = next to get a seat. */
    position: string;
    registerHeading: string;
    search: string;
    searchHint: string;
    noMatches: string;
    /** {name}: the parent (the button's accessible name). */
    registerExisting: string;
    newParent: string;
    firstName: string;
    lastName: string;
    phone: string;
    parentLanguage: string;
    contact: string;
    contactViaSchool: string;
    contactSms: string;
    contactNone: string;
    consent: string;
    register: string;
    /** {name} */
    registered: string;
    /** {name}, {position} */
    waitlisted: string;
    /** {name} */
    alreadyRegistered: string;
    smsNeedsPhone: string;
  };
  // <host-strings> (anchor: the host pages' strings go right below)
  // <volunteer-strings> (anchor: the volunteer pages' strings go right below)
  // <festival-strings> (anchor: the festival pages' strings go right below)
  // <coordinator-strings> (anchor: the coordinator pages' strings go right below)
  // <newcomer-strings> (anchor: the newcomer pages' strings go right below)
}
