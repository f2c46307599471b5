/** The audit log's JSON API. Implementation only: exports nothing. */
package mx.cte.audit.web;
