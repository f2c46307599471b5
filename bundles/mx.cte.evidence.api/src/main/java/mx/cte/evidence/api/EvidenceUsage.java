package mx.cte.evidence.api;

/**
 * How much of its evidence space a school uses: the files it keeps, as stored (photos already reduced).
 *
 * @param bytes      what its evidence takes
 * @param quotaBytes what it may take; 0 when the installation sets no limit
 */
public record EvidenceUsage(long bytes, long quotaBytes) {

    /** Whether {@code more} bytes still fit. */
    public boolean fits(long more) {
        return quotaBytes == 0 || bytes + more <= quotaBytes;
    }
}
