/** The session's words: kept beside it rather than in texts.ts, which every console view edits. */
export const SESSION_TEXT = {
  restoring: 'Restoring your session…',
  sessionEnded: 'Your session ended. Log in again.',
} as const;
