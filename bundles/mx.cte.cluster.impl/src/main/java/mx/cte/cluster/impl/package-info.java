/** The cluster service on the platform database. Not exported. */
package mx.cte.cluster.impl;
