/** Idempotent writes over HTTP (the Idempotency-Key header); implementation only, exports nothing. */
package mx.cte.idempotency;
