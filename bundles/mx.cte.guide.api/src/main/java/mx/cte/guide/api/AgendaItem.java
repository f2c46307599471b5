package mx.cte.guide.api;

/**
 * One line of a session agenda (guides from 2021 on give times per block).
 *
 * @param time    when, as printed: "8:00 - 8:30" or "30 min"
 * @param title   what happens then
 * @param minutes planned duration in minutes, 0 when the guide gives none
 */
public record AgendaItem(String time, String title, int minutes) {

    public AgendaItem {
        time = Immutables.text(time);
    }
}
