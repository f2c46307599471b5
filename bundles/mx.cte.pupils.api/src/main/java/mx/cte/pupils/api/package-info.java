/**
 * The pupils who need support, in the SEP's early-warning style: per group, each pupil with the teacher's assessment of
 * reading, writing and mathematics as a traffic light, attendance, the risk of leaving school and the support agreed.
 * Named records are personal data of minors (LGPDPPSO): only the school's director and the teachers assigned to the
 * pupil's group that school year read them, every read and export is audited, and they are anonymised or deleted after
 * the retention period; supervision sees tallies without names.
 */
@Export
@Version("1.1.0")
package mx.cte.pupils.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
