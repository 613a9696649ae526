/**
 * The week calendar's look. Wide (`.grid`): a column a day, sessions placed at their minutes (`--top`,
 * `--height` in minutes, `--lane` of `--lanes`), an hour gutter. Narrow (no `.grid`, e.g. 360 px): the same
 * markup as a day list, sessions one under another.
 */
import { css } from 'lit';

export const weekCalendarStyles = css`
  :host {
    display: block;
    --minute: 0.9px;
  }
  .week {
    display: grid;
    gap: 0.75rem;
  }
  .day h3 {
    font-size: 1rem;
    margin: 0 0 0.35rem;
  }
  .day ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.4rem;
  }
  .session {
    display: block;
    width: 100%;
    text-align: start;
    font: inherit;
    color: var(--bc-text);
    background: var(--bc-surface);
    border: 1px solid var(--bc-border);
    border-inline-start: 4px solid var(--bc-accent);
    border-radius: var(--bc-radius);
    padding: 0.3rem 0.45rem;
    cursor: pointer;
    overflow: hidden;
    touch-action: none;
  }
  .session[aria-expanded='true'] {
    outline: 2px solid var(--bc-accent);
  }
  .session.CANCELLED {
    border-inline-start-color: var(--bc-muted);
    text-decoration: line-through;
  }
  .session .time,
  .session .booked {
    display: block;
    font-size: 0.85rem;
  }
  .session .title {
    display: block;
    font-weight: 600;
  }
  .session .state {
    text-decoration: none;
    display: inline-block;
    font-size: 0.8rem;
    font-weight: 600;
  }
  .session.dragging {
    opacity: 0.85;
    z-index: 2;
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.3);
    cursor: grabbing;
  }
  .gutter {
    display: none;
  }
  .muted {
    color: var(--bc-muted);
  }
  /* Wide: the week as columns of a day's hours. */
  .week.grid {
    grid-template-columns: 3rem repeat(7, minmax(0, 1fr));
    gap: 0 0.25rem;
  }
  .grid .gutter {
    display: block;
    position: relative;
    margin-top: 1.9rem;
    height: calc(var(--span) * var(--minute));
    font-size: 0.75rem;
    color: var(--bc-muted);
  }
  .grid .gutter span {
    position: absolute;
    top: calc(var(--at) * var(--minute) - 0.5em);
  }
  .grid .day h3 {
    height: 1.6rem;
    font-size: 0.9rem;
    text-align: center;
    white-space: nowrap;
  }
  .grid .day ol {
    display: block;
    position: relative;
    height: calc(var(--span) * var(--minute));
    background: repeating-linear-gradient(
      to bottom,
      var(--bc-border) 0,
      var(--bc-border) 1px,
      transparent 1px,
      transparent calc(60 * var(--minute))
    );
    border-radius: var(--bc-radius);
  }
  .grid .day li {
    position: absolute;
    top: calc(var(--top) * var(--minute));
    height: calc(var(--height) * var(--minute));
    left: calc(100% * var(--lane) / var(--lanes));
    width: calc(100% / var(--lanes));
  }
  .grid .session {
    height: 100%;
    min-height: 0;
    user-select: none;
    padding: 0.15rem 0.3rem;
    font-size: 0.8rem;
  }
  .grid .session .time,
  .grid .session .booked {
    font-size: 0.75rem;
  }
  .grid .none {
    display: none;
  }
  .panel {
    margin-top: 1rem;
    background: var(--bc-surface);
    border: 1px solid var(--bc-border);
    border-radius: var(--bc-radius);
    padding: 0.75rem 1rem;
  }
  .panel h3 {
    margin: 0 0 0.35rem;
    font-size: 1.05rem;
  }
  .panel p {
    margin: 0.2rem 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
`;
