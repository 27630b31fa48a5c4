/**
 * The web app's strings for one language: locales/<lang>/web.json, checked against this type (the
 * Dutch file at compile time in catalogues.ts, every language in ui-strings.spec.ts). The web app
 * loads one language's web.json at a time, so the messages (messages.json) never reach the browser.
 *
 * Write plain language (A2): short sentences, everyday words, "je"/"tu"/"you". Every string is ICU
 * MessageFormat: `{name}` is replaced by a value. A PluralForms value is an ICU plural on {count}
 * with exactly the CLDR categories of the language (Arabic zero/one/two/few/many/other, Russian
 * and Ukrainian one/few/many/other); see docs/translating.md.
 */
export type PluralForms = string;

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
  scheduleMore: {
    /** {count}: how many filters are chosen, beside the button that shows the filters. */
    activeFilters: PluralForms;
    /** On a session card: {languages}, the languages besides Dutch someone at the session helps in ("Arabisch en Turks"). */
    helpIn: string;
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
  /**
   * What the API refused, said next to the field it is about (apps/web/src/graphql/form-errors.ts
   * picks one by error code and field). No field names, no codes: what is wrong and what to do.
   */
  formErrors: {
    firstName: string;
    lastName: string;
    /** A phone number that is no number: keep the example number as it is. */
    phone: string;
    /** A real number we do not send codes to (by default only Belgian mobiles). */
    phoneNotAllowed: string;
    email: string;
    language: string;
    /** SMS without a phone or consent, e-mail without an address. */
    contactChannel: string;
    reason: string;
    /** The 6-digit code from the SMS. */
    code: string;
    date: string;
    /** A choice from a list (a plot, a time) that no longer fits. */
    choice: string;
    /** A field of the form with no sentence of its own. */
    field: string;
    /** Something wrong that no field of the form shows. */
    form: string;
    /** Rate limit; followed by waitSeconds/waitMinutes or tryLater. */
    tooMany: string;
    /** Login locked after wrong passwords; followed by waitSeconds/waitMinutes. */
    lockedOut: string;
    waitSeconds: PluralForms;
    waitMinutes: PluralForms;
    tryLater: string;
    /** A safeguard of the platform is down for a moment. */
    temporarilyUnavailable: string;
    alreadyRegistered: string;
    sessionCancelled: string;
    sessionInPast: string;
    notFound: string;
    forbidden: string;
    unauthenticated: string;
    /** Someone else changed the same thing at the same time. */
    conflict: string;
    /** Every place is taken (a shift). */
    full: string;
    /** More text than the API accepts in one request. */
    tooLong: string;
    /** The number of children who come along (0 to 10). */
    childrenCount: string;
    /** A listed child's age (3 to 14). */
    childAge: string;
    /** A programme that lists children (the zomerschool) got none. */
    childrenList: string;
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
    /** A signed-in user without the role a page is for, when the page has no message of its own. */
    notForYou: string;
  };
  /** Invitation links, a forgotten password and its reset link: the public account pages. */
  accountRecovery: {
    /** On the login page. */
    forgotLink: string;
    forgotTitle: string;
    forgotIntro: string;
    sendLink: string;
    /** The same answer whether the address has an account or not. */
    linkSent: string;
    inviteTitle: string;
    inviteIntro: string;
    resetTitle: string;
    resetIntro: string;
    newPassword: string;
    repeatPassword: string;
    passwordRules: string;
    tooShort: string;
    notSame: string;
    savePassword: string;
    /** The link was used, replaced or expired. */
    linkDead: string;
    askNewLink: string;
    passwordChanged: string;
    toLogin: string;
    /** The account bar's link to /account, where a signed-in user changes their password. */
    myAccount: string;
    changeTitle: string;
    changeIntro: string;
    currentPassword: string;
    wrongCurrent: string;
    mustDiffer: string;
    /** The new token replaced the old one: this device stays signed in, the others are signed out. */
    changed: string;
  };
  /** /u/<token>: the page a mail's "Unsubscribe" link opens (broadcasts, digests and alerts; no login). */
  unsubscribe: {
    title: string;
    intro: string;
    /** What still comes: messages about the reader's own registration. */
    keeps: string;
    button: string;
    done: string;
    /** A token we did not make (mistyped, cut off): refused. */
    badLink: string;
  };
  /** The school contact's pages: the school's schoolbabbel dates, registering parents, the waiting list. */
  school: {
    /** The button that prints the seated parents as a list to tick off at the door. */
    printList: string;
    /** A signed-in user who is not a school contact. */
    notForYou: string;
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
    /** The number of children who come with the parent (childcare). */
    children: string;
    childrenHint: string;
    /** The zomerschool: each child by name, age and school. */
    childrenList: string;
    childrenListHint: string;
    /** {number}: 1 for the first child listed, 2 for the second, … */
    childFirstName: string;
    /** {number} */
    childAge: string;
    /** {number} */
    childSchool: string;
    addChild: string;
    /** {number}: the button's accessible name. */
    removeChild: string;
  };
  // <host-strings> (anchor: the host pages' strings go right below)
  /** The host's pages: their sessions, who comes (with their language), attendance on a phone, cancelling. */
  host: {
    /** Page title and the account bar's link. */
    title: string;
    intro: string;
    noSessions: string;
    /** {count}: people with a seat. */
    registered: PluralForms;
    backToSessions: string;
    attendees: string;
    noAttendees: string;
    /** {language}: the participant's language, e.g. "Arabisch". */
    speaks: string;
    attended: string;
    noShow: string;
    notMarked: string;
    /** A seat offered to someone from the waiting list: they can say yes until {time} (HH:mm), then it goes to the next person. */
    offeredUntil: string;
    saving: string;
    /** {name}: the participant. */
    saveFailed: string;
    notStarted: string;
    /** {count}: no-shows in a row; the participant reached the city's threshold. */
    flagged: PluralForms;
    /** {count}: no-shows in total, below the threshold. */
    earlierNoShows: PluralForms;
    cancelHeading: string;
    cancelIntro: string;
    cancelOpen: string;
    /** The text field: the reason goes to everyone in the message. */
    reason: string;
    reasonHint: string;
    cancelConfirm: string;
    keep: string;
    cancelDone: string;
    tooLate: string;
  };
  /** The host's "add walk-in" form on the session page: someone at the door, with or without a name. */
  walkIn: {
    heading: string;
    /** The button that opens the form. */
    open: string;
    intro: string;
    firstName: string;
    phone: string;
    language: string;
    children: string;
    childrenHint: string;
    /** Children not a whole number from 0 to 10. */
    childrenError: string;
    save: string;
    close: string;
    /** {name}: the first name typed. */
    added: string;
    addedAnonymous: string;
    /** {name}: someone who was registered, now marked as come. */
    alreadyBooked: string;
    /** {name}: someone already marked as come. */
    alreadyPresent: string;
    /** Outside the window: from two hours before the start until the end of the session's day. */
    closed: string;
    /** In the list, instead of the name of an anonymous walk-in. */
    anonymousName: string;
    /** In the list, beside a walk-in. */
    cameWithout: string;
    /** {count}: the children who came along. */
    childrenCount: string;
    /** The coordinator's report: the column of walk-ins among the attended. */
    reportColumn: string;
  };
  // <volunteer-strings> (anchor: the volunteer pages' strings go right below)
  /** A volunteer's page: open shifts that fit them, their own shifts, their calendar feed. */
  volunteer: {
    /** Page title and the account bar's link. */
    title: string;
    intro: string;
    notForYou: string;
    openHeading: string;
    noOpenShifts: string;
    /** {count}: places still open on the shift. */
    openPlaces: PluralForms;
    /** {languages}: the languages the shift asks for, e.g. "Arabisch, Frans". */
    languagesHelp: string;
    signUp: string;
    /** {title}: the shift. */
    signedUp: string;
    /** SHIFT_FULL: someone else took the last place first. */
    shiftFull: string;
    /** VOLUNTEER_UNAVAILABLE: an overlapping shift or a period away. */
    unavailable: string;
    myHeading: string;
    noMyShifts: string;
    /** The button that gives a shift back. */
    drop: string;
    /** {title}: the shift. */
    dropped: string;
    /** Dropping a shift that has begun. */
    tooLate: string;
    /** The kinds of work, by the API's VolunteerSkill. */
    roles: { BUDDY: string; CHILDCARE: string; COOKING: string; HOST: string; SETUP: string; TRANSLATOR: string; WELCOME: string };
    calendarHeading: string;
    calendarIntro: string;
    /** Why the link must stay private. */
    calendarSecret: string;
    calendarIssue: string;
    calendarReissue: string;
    /** Shown when a link exists: a new one stops the old one. */
    calendarReissueHint: string;
    /** The label of the field with the link. */
    calendarLink: string;
    calendarShownOnce: string;
    calendarCopy: string;
    calendarCopied: string;
    /** A link that opens the feed in the phone's calendar app. */
    calendarSubscribe: string;
    /** Stops the feed link without making a new one. */
    calendarStop: string;
    calendarStopped: string;
  };
  /** Volunteers asking a colleague to take over a shift, and answering such a question. Names only, never why someone cannot. */
  shiftSwap: {
    heading: string;
    /** The button on one of your shifts: ask a colleague to take it over. */
    ask: string;
    /** Label of the choice of colleague (display names only). */
    colleagueLabel: string;
    /** No colleague is free and fits the shift. */
    noColleagues: string;
    send: string;
    cancel: string;
    /** {name}: the colleague asked; the shift is still yours. */
    pending: string;
    /** {name}: the colleague; {title}: the shift. */
    sent: string;
    withdraw: string;
    /** {title}: the shift. */
    withdrawn: string;
    /** The holder's view: {name} took over {title}. */
    accepted: string;
    /** The holder's view: {name} said no to {title}. */
    declined: string;
    /** {name}: who asks; {title}: the shift. */
    incoming: string;
    accept: string;
    decline: string;
    /** {title}: the shift, now yours. */
    acceptDone: string;
    /** {name}: who asked. */
    declineDone: string;
    /** VOLUNTEER_UNAVAILABLE when asking: never says why. */
    cannotAsk: string;
    /** VOLUNTEER_UNAVAILABLE when accepting: away or another shift then. */
    cannotAccept: string;
    /** CONFLICT: answered, withdrawn, or the shift changed or began. */
    noLongerOpen: string;
  };
  // <festival-strings> (anchor: the festival pages' strings go right below)
  /**
   * The festival's stand plan: organisers ask for a plot for an opening block and see the status;
   * coordinators confirm, move or refuse on the same plan.
   */
  festival: {
    /** The page title when there is no edition yet. */
    title: string;
    intro: string;
    introCoordinator: string;
    /** A signed-in user who is neither a festival organiser nor the city. */
    notForYou: string;
    noEdition: string;
    /** Label of the edition choice (only shown when there are several). */
    edition: string;
    /** {date}: the last day to ask for a plot. */
    deadline: string;
    /** Label of the day picker. */
    day: string;
    mapHeading: string;
    /** Under the map: the table below has the same, with buttons. */
    mapHint: string;
    legend: string;
    /** {day}: the table's caption. */
    tableCaption: string;
    plot: string;
    /** {code}: a plot's code, e.g. A2. */
    plotCode: string;
    power: string;
    water: string;
    cooking: string;
    free: string;
    /** Another association's slot, as an organiser sees it. */
    taken: string;
    requested: string;
    confirmed: string;
    /** The plot is not used this year. */
    closed: string;
    mineRequested: string;
    mineConfirmed: string;
    /** {free}, {requested}, {confirmed}: numbers of slots on the day. */
    counts: string;
    /** {plot}, {time}, {state}: a button in the table (its accessible name). */
    cellButton: string;
    /** {plot}, {day}, {time}: the chosen slot. */
    slot: string;
    /** {name}: the association holding the slot. */
    heldBy: string;
    book: string;
    cancel: string;
    confirm: string;
    refuse: string;
    /** Label of the reason field; the organiser reads it. */
    refuseReason: string;
    move: string;
    moveToPlot: string;
    moveToTime: string;
    /** {time}: keep the booking's hours. */
    sameTime: string;
    closePanel: string;
    booked: string;
    confirmedDone: string;
    refusedDone: string;
    movedDone: string;
    cancelledDone: string;
    /** {plot}, {day}, {time}: the slot someone else holds. */
    errorTaken: string;
    /** Taken a moment ago, but no longer known by whom. */
    errorTakenNow: string;
    errorClosed: string;
    errorHours: string;
    errorDeadline: string;
    /** {limit}: plots one association may have on one day. */
    errorLimit: string;
    bookings: string;
    noBookings: string;
    /** A booking the city refused or someone cancelled. */
    cancelled: string;
    /** {reason} */
    reason: string;
  };
  // <coordinator-strings> (anchor: the coordinator pages' strings go right below)
  /** The city's coordinators: capacity and waiting lists, failed messages, reports with charts, CSV, programmes and series. */
  coordinator: {
    /** The link to the coordinator's home in the account bar. */
    navLink: string;
    /** A signed-in user who is not a coordinator. */
    notForYou: string;
    title: string;
    intro: string;
    backToOverview: string;
    capacityHeading: string;
    noSessions: string;
    /** {count}: sessions not shown (the overview shows the first 100). */
    moreSessions: PluralForms;
    session: string;
    when: string;
    seats: string;
    waitlist: string;
    /** {confirmed} of {capacity} seats taken. */
    seatsTaken: string;
    full: string;
    /** {title}: the session's title (the accessible name of the link to its series). */
    seriesOf: string;
    series: string;
    failedHeading: string;
    failedIntro: string;
    noFailed: string;
    message: string;
    recipient: string;
    /** A message to a staff member (no participant). */
    staffRecipient: string;
    problem: string;
    attempts: string;
    resend: string;
    /** {kind}, {name}: the accessible name of the resend button. */
    resendFor: string;
    resent: string;
    programmesHeading: string;
    inactive: string;
    /** {count}: seats per session by default. */
    defaultCapacity: PluralForms;
    programmeKinds: Record<'TABLE' | 'SERIES_COURSE' | 'TRAJECTORY' | 'FESTIVAL', string>;
    reportsLink: string;
    reportsTitle: string;
    reportsIntro: string;
    periodHeading: string;
    fromMonth: string;
    toMonth: string;
    showPeriod: string;
    badPeriod: string;
    attendanceHeading: string;
    /** The chart's description: what the bars show. */
    attendanceDescription: string;
    noData: string;
    month: string;
    programme: string;
    sessionsHeld: string;
    seatsOffered: string;
    confirmed: string;
    attended: string;
    noShows: string;
    waitlisted: string;
    /** Children who came along with the registered adults (the columns before count adults). */
    childrenConfirmed: string;
    childrenAttended: string;
    trajectoriesHeading: string;
    /** {count}: trajectories started in the period. */
    trajectoriesTotal: PluralForms;
    byKind: string;
    byReferral: string;
    count: string;
    trajectoryKinds: Record<'BUDDY' | 'VOLUNTEERING' | 'ASSOCIATION' | 'INTERNSHIP', string>;
    referralChannels: Record<'ADULT_EDUCATION' | 'CONVERSATION_TABLE' | 'FMDO' | 'INTEGRATION_AGENCY' | 'KIND_EN_GEZIN' | 'OTHER' | 'SCHOOL' | 'SELF', string>;
    downloadsHeading: string;
    downloadProgrammes: string;
    downloadTrajectories: string;
    /** {label}, {value}: one bar, as a screen reader reads it. */
    bar: string;
    /** Series page. */
    seriesIntro: string;
    editSeries: string;
    place: string;
    skipsHolidays: string;
    runsInHolidays: string;
    datesHeading: string;
    /** A day range the series does not meet: {label} (e.g. Herfstvakantie). */
    closed: string;
    closureKinds: Record<'SCHOOL_HOLIDAYS' | 'PUBLIC_HOLIDAYS' | 'ORGANISATION', string>;
    cancelled: string;
    noDates: string;
  };
  // <newcomer-strings> (anchor: the newcomer pages' strings go right below)
  /** A newcomer registers themself for a session with a first name, a phone and an SMS code. */
  newcomer: {
    /** Link on a session page to register oneself */
    registerLink: string;
    title: string;
    intro: string;
    firstName: string;
    phone: string;
    phoneHint: string;
    language: string;
    sendCode: string;
    /** {phone} */
    codeSent: string;
    code: string;
    confirm: string;
    /** {count}: tries left */
    wrongCode: string;
    newCodeNeeded: string;
    askNewCode: string;
    tooMany: string;
    /** {name}: their first name */
    registered: string;
    /** {position}: place on the waiting list */
    waitlisted: string;
    alreadyRegistered: string;
    closed: string;
    backToSession: string;
  };
  /**
   * The page a personal link in a message opens (/r/<token>), without login: a parent reads it on
   * a phone, often with little Dutch. Short words, one idea per sentence.
   */
  selfService: {
    /** The page's title in the browser tab */
    title: string;
    /** {name}: the reader's own first name */
    hello: string;
    /** Status: they have a seat */
    statusConfirmed: string;
    /** Status: they have a seat and already said "I am coming" */
    statusComingSaid: string;
    /** Status: {position} = their place on the waiting list */
    statusWaitlisted: string;
    /** Status: a seat is held for them; {until} = weekday and time the offer ends */
    statusOffered: string;
    /** Status: their registration is cancelled */
    statusCancelled: string;
    /** Status: the session itself is cancelled */
    statusSessionCancelled: string;
    /** Status: the session has started or is over */
    statusPast: string;
    /** The link is unknown, expired or revoked */
    deadLinkTitle: string;
    deadLinkText: string;
    /** Link to the public schedule */
    toSchedule: string;
    /** Link that opens the address on a map (a new tab) */
    showOnMap: string;
    /** Button: download an .ics file for the phone's calendar */
    addToCalendar: string;
    /** The buttons */
    coming: string;
    cannotCome: string;
    leaveWaitlist: string;
    takeSeat: string;
    declineSeat: string;
    /** The second step, so a slip does not cancel */
    cancelQuestion: string;
    yesCancel: string;
    leaveQuestion: string;
    yesLeave: string;
    declineQuestion: string;
    yesDecline: string;
    goBack: string;
    /** Outcomes. {name}: first name; {when}: day and time of the session */
    thanksComing: string;
    seatTaken: string;
    cancelledDone: string;
    leftWaitlist: string;
    declinedDone: string;
    /** The API refused because the session started (SESSION_IN_PAST) */
    tooLate: string;
    /** Something changed meanwhile (the offer ended, someone else acted) */
    changed: string;
  };
}
