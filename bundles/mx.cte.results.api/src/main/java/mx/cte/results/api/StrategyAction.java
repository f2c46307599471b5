package mx.cte.results.api;

/**
 * An action of the school's Estrategia Global de Mejora Escolar, valued by the collective (activity 4).
 *
 * @param ambit       the EGME area it belongs to (en el salón de clases, en la escuela, con los padres de familia…),
 *                    may be empty
 * @param contributes whether it is helping to reach the expected results
 */
public record StrategyAction(long id, String action, String ambit, boolean contributes, String reason, long version) {

    public StrategyAction {
        action = action == null ? "" : action.strip();
        ambit = ambit == null ? "" : ambit.strip();
        reason = reason == null ? "" : reason.strip();
    }
}
