/** The policy form's own styles: an amount beside its unit, and each part of the policy in its fieldset. */
import { css } from 'lit';

export const policyStyles = css`
  .amount {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    font-weight: 400;
  }
  .amount input {
    width: 6rem;
  }
  fieldset.part {
    max-width: 36rem;
  }
  /* A long label wraps beside its box; the box keeps its size. */
  input[type='checkbox'] {
    flex: none;
  }
  .part legend {
    font-weight: 600;
  }
`;
