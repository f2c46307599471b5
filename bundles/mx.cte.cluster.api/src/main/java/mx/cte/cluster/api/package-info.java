/**
 * Several nodes on one database: {@link mx.cte.cluster.api.Cluster} keeps the desired state every node converges to
 * and runs a job on one node at a time; {@link mx.cte.cluster.api.SharedStateListener} is how a module follows it,
 * {@link mx.cte.cluster.api.AnnouncementListener} how it hears what another node announces.
 * On the embedded single-node default the same calls work for the one node.
 */
@Export
@Version("1.3.0")
package mx.cte.cluster.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
