/** Accounts, password hashing, sign-in and sessions. Implementation only: exports nothing. */
package mx.cte.security.impl;
