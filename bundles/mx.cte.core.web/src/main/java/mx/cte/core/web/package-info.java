/** Core HTTP endpoints. Implementation only: exports nothing, so it can be updated without refreshing anyone. */
package mx.cte.core.web;
