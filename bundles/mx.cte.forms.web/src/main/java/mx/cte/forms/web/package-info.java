/** The JSON API and the web editor of the guide-configured products. Implementation only: exports nothing. */
package mx.cte.forms.web;
