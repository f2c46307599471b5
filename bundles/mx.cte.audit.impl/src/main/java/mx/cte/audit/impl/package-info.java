/** The audit log and the bundle lifecycle recorder. Implementation only: exports nothing. */
package mx.cte.audit.impl;
