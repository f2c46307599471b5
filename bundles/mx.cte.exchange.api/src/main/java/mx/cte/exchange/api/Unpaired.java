package mx.cte.exchange.api;

import mx.cte.schools.api.Cct;

/**
 * A school that published its presentation and is in no suggested group, with why, in Spanish for the supervisor
 * (the only school that published, nothing in common, what it has in common is below the minimum, or its closest
 * school is in a group already full at the chosen size).
 */
public record Unpaired(Cct school, String reason) {
}
