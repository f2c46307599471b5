/** The administration API of the platform's bundles. Implementation only: exports nothing. */
package mx.cte.admin.web;
