// rakt from Kotlin: units received with ISBT 128 labels, coded for e-RaktKosh and sent on as
// HL7 FHIR R5 BiologicallyDerivedProduct resources.
//
// Every decision (reading the label, the expiry, the codes) is made by the Rust library through
// the org.rakt bindings; this file only reads the bundled scans, calls rakt and prints.
//
// Run (from the repository root): bindings/kotlin/demo.sh LabelsAndCodes
package org.rakt.examples.labels

import org.rakt.*
import java.io.File
import java.time.OffsetDateTime
import java.time.ZoneOffset

fun main(args: Array<String> = arrayOf()) {
    val dataDir = File(args.firstOrNull() ?: System.getProperty("rakt.data.dir") ?: "examples/data")
    val tableText = File(dataDir, "isbt128_products.toml").readText()
    val table = ProductTable.fromToml(tableText)
    val now = OffsetDateTime.parse("2026-11-23T10:00:00+05:30")
    // Local (D) product codes do not say how the blood was donated: this centre's suppliers
    // collect only from voluntary donors.
    val details = LabelDetails(
        offset = ZoneOffset.ofHoursMinutes(5, 30), volumeMl = 250, donationType = DonationType.VOLUNTARY,
    )
    println("rakt - units received with ISBT 128 labels (policy: india)\n")
    File(dataDir, "label_scans.txt").readLines()
        .filter { it.isNotBlank() && !it.startsWith("#") }
        .forEach { scan ->
            println("scan $scan")
            val unit = try {
                labelToUnit(labelFromScan(scan), table, details, "receiving")
            } catch (e: RaktException) {
                println("   refused: ${e.message}")
                return@forEach
            }
            println("   ${unit.id()}  ${unit.group()}  expires ${unit.expiry().expiresAt}")
            unit.expiry().reasons.forEach { println("     ${it.code}: ${it.message("en")}") }
            val component = eraktkoshComponentForProduct(unit.product())
            println(
                "   e-RaktKosh: component ${componentToCode(component)} (${eraktkoshComponentName(component)}), " +
                    "group ${bloodGroupToCode(unit.group())}",
            )
            val resource = unitToBiologicallyDerivedProduct(unit, now, tableText)
            println("   FHIR: ${resource.length} characters of JSON")
        }
}
