package mx.cte.cards.api;

import mx.cte.schools.api.Cct;

/**
 * Where a card copied from another school's library comes from (the exchange between schools), kept with the copy.
 *
 * @param cardId its id in that school's library
 * @param title  its title there when it was copied
 */
public record Attribution(Cct school, long cardId, String title) {
}
