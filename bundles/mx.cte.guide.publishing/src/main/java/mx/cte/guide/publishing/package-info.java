/** Guide publishing over HTTP. Implementation only: exports nothing. */
package mx.cte.guide.publishing;
