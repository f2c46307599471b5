/** The school directory's JSON API. Implementation only: exports nothing. */
package mx.cte.schools.web;
