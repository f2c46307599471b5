/** The logbook's JSON API. Implementation only: exports nothing. */
package mx.cte.logbook.web;
