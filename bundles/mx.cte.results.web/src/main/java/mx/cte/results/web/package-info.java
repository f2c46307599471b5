/** The results analysis' JSON API. Implementation only: exports nothing. */
package mx.cte.results.web;
