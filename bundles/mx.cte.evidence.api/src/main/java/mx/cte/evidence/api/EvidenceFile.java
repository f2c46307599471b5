package mx.cte.evidence.api;

/** A piece of evidence with its stored content. */
public record EvidenceFile(Evidence evidence, byte[] content) {
}
