/** One line on what each role may do, next to every role picker. */
export const ROLE_HELP =
  'Viewer reads; moderator also moderates participants; admin also manages rooms, users and the audit log.';
