import { css } from 'lit';

/** A booking's status as a pill (`<span class="status CONFIRMED">`): green when confirmed, red when ended. */
export const statusStyles = css`
  .status {
    font-size: 0.8rem;
    font-weight: 600;
    letter-spacing: 0.03em;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0.1rem 0.55rem;
  }
  .status.CONFIRMED {
    color: var(--bc-ok);
  }
  .status.DECLINED,
  .status.CANCELED {
    color: var(--bc-danger);
  }
`;
