import { css } from 'lit';

/** The loading skeleton (still under reduced motion) and text for screen readers only: the root and every step use them. */
export const skeletonStyles = css`
  .skeleton {
    height: 3rem;
    margin-block-end: 0.5rem;
    border-radius: var(--bw-radius);
    background: color-mix(in srgb, var(--bw-fg) 9%, transparent);
    animation: pulse 1.2s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
