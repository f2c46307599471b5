/** Session filter and sign-in endpoint. Implementation only: exports nothing. */
package mx.cte.security.web;
