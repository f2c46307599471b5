/**
 * What modules provide to the guide runtime. A module registers one {@link mx.cte.guide.spi.ProductType} service per
 * kind of product it can hold; guides refer to those ids, and a guide is usable only while all its types are present.
 */
@Export
@Version("1.1.0")
package mx.cte.guide.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
