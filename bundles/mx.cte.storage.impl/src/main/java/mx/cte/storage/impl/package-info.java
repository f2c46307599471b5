/** The Database service and its Liquibase migrator. Implementation only: exports nothing. */
package mx.cte.storage.impl;
