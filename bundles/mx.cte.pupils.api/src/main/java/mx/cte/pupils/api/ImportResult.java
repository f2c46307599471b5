package mx.cte.pupils.api;

import java.util.List;

/**
 * What a group list brought: the pupils added, and those already recorded in their group (skipped, by name).
 */
public record ImportResult(int added, List<String> skipped) {
}
