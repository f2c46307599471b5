/** The school directory over the platform database. Implementation only: exports nothing. */
package mx.cte.schools.impl;
