/**
 * Errors of review that a client caused: each carries the HTTP status to answer with, and a message in the
 * "Expected X, got Y" form that the page shows as it is.
 */
export class ReviewError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 500,
    message: string,
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}
