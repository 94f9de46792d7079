/**
 * Requests to every route of the portal, generated from the protocol's zod schemas: well-formed
 * ones (so that pushes reach the merge and pulls page through real records), ones at the
 * limits, mutated ones and garbage, each with headers that may be wrong too.
 */
import fc from 'fast-check';
import { attachmentArb, oddArb, opsArb, oversizeArb } from './other-requests.js';
import type { PlannedRequest } from './plan.js';
import { enrolArb, pullArb, pushArb, resumeArb } from './sync-requests.js';

export { FUZZ_BODY_LIMIT, uuidFrom, type FuzzState, type PlannedRequest, type Route } from './plan.js';

export const plannedRequestArb: fc.Arbitrary<PlannedRequest> = fc
  .oneof(
    { arbitrary: pushArb, weight: 10 },
    { arbitrary: pullArb, weight: 4 },
    { arbitrary: attachmentArb, weight: 4 },
    { arbitrary: enrolArb, weight: 2 },
    { arbitrary: resumeArb, weight: 1 },
    { arbitrary: opsArb, weight: 1 },
    { arbitrary: oddArb, weight: 2 },
    { arbitrary: oversizeArb, weight: 1 },
  )
  // A counterexample prints as its label, not as the source of its build function.
  .map((plan) => Object.assign(plan, { [fc.toStringMethod]: () => plan.label }));

/** A UUID (version 4 layout) derived from a text, so that runs with one seed repeat. */
