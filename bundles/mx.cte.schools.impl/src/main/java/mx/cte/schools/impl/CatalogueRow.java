package mx.cte.schools.impl;

import mx.cte.schools.api.Cct;
import mx.cte.schools.api.Modality;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.ZoneId;

/** One accepted row of a school catalogue. */
record CatalogueRow(int line, Cct cct, String name, String municipality, ZoneId zone, Shift shift,
        Modality modality) {
}
