package org.rakt

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File
import java.time.OffsetDateTime

/** FHIR R5 BiologicallyDerivedProduct: export, import, round trip and refusals. */
class FhirTest {
    private fun t(text: String): OffsetDateTime = OffsetDateTime.parse(text)

    private val table = File("../../../examples/data/isbt128_products.toml").readText()
    private val sagm = Product(Component.RED_CELLS, preservative = Preservative.ADDITIVE_SOLUTION)

    private fun unit(): BloodUnit =
        BloodUnit.collect(
            Collection("A999926000001", sagm, parseBloodGroup("B-"), 280, DonationType.VOLUNTARY, t("2026-11-01T09:00:00+05:30"), division = "A0"),
            "tech",
        )

    @Test
    fun exportShape() {
        val r = JSONObject(unitToBiologicallyDerivedProduct(unit(), t("2026-11-01T10:00:00+05:30"), productTable = table))
        assertEquals("BiologicallyDerivedProduct", r.getString("resourceType"))
        assertEquals("A999926000001", r.getJSONObject("biologicalSourceEvent").getString("value"))
        assertEquals("A00000", r.getString("division"))
        assertEquals("A9999D0002A999926000001A00000", r.getJSONArray("identifier").getJSONObject(0).getString("value"))
        assertEquals("unavailable", r.getJSONObject("productStatus").getString("code"))
        val group = r.getJSONArray("property").getJSONObject(0).getJSONObject("valueCodeableConcept").getJSONArray("coding").getJSONObject(0)
        assertEquals("17", group.getString("code"))
        assertEquals("B RhD Negative", group.getString("display"))
        assertEquals("2026-12-13T23:59:00+05:30", r.getString("expirationDate"))
    }

    @Test
    fun roundTrip() {
        val u = unit()
        val asOf = t("2026-11-01T10:00:00+05:30")
        val text = unitToBiologicallyDerivedProduct(u, asOf)
        val back = unitFromBiologicallyDerivedProduct(text, asOf)
        assertEquals(u.id(), back.id())
        assertEquals(u.group(), back.group())
        assertEquals(u.product(), back.product())
        assertEquals(u.expiry().expiresAt, back.expiry().expiresAt)
        assertEquals(u.status(), back.status())
        assertTrue(JSONObject(text).similar(JSONObject(unitToBiologicallyDerivedProduct(back, asOf))))
    }

    @Test
    fun refusals() {
        val asOf = t("2026-11-01T10:00:00+05:30")
        assertEquals("$", assertThrows<RaktException.InvalidInput> { unitFromBiologicallyDerivedProduct("{", asOf) }.field)
        val r = JSONObject(unitToBiologicallyDerivedProduct(unit(), asOf))
        r.getJSONObject("productCategory").put("code", "organ")
        val na = assertThrows<RaktException.NotApplicable> { unitFromBiologicallyDerivedProduct(r.toString(), asOf) }
        assertEquals("FHIR_UNREPRESENTABLE", na.code)
        r.remove("productCategory")
        r.put("productCode", JSONObject().put("coding", org.json.JSONArray()))
        assertEquals("productCode.coding", assertThrows<RaktException.InvalidInput> { unitFromBiologicallyDerivedProduct(r.toString(), asOf) }.field)
    }
}
