/** The evidence's JSON API. Implementation only: exports nothing. */
package mx.cte.evidence.web;
