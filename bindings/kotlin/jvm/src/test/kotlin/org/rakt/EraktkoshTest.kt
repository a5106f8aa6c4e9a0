package org.rakt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.OffsetDateTime

/** e-RaktKosh codes (research/blood.md §6.3) both ways, product choices and the stock summary. */
class EraktkoshTest {
    private val components = listOf(
        11 to "Whole Blood", 12 to "Packed Red Blood Cells", 13 to "Fresh Frozen Plasma",
        14 to "Single Donor Platelet", 16 to "Platelet Rich Plasma", 17 to "Cryoprecipitate",
        18 to "Single Donor Plasma", 19 to "Plasma", 20 to "Platelet Concentrate",
        21 to "Cryo Poor Plasma", 23 to "Random Donor Platelets",
        28 to "Sagm Packed Red Blood Cells", 29 to "Irradiated RBC", 30 to "Leukoreduced Rbc",
    )
    private val groups = listOf(
        Triple(11, "A+", "A+Ve"), Triple(12, "A-", "A-Ve"), Triple(13, "B+", "B+Ve"),
        Triple(14, "B-", "B-Ve"), Triple(15, "O+", "O+Ve"), Triple(16, "O-", "O-Ve"),
        Triple(17, "AB+", "AB+Ve"), Triple(18, "AB-", "AB-Ve"), Triple(22, "Oh+", "Oh+Ve"),
        Triple(23, "Oh-", "Oh-Ve"),
    )

    private fun t(text: String): OffsetDateTime = OffsetDateTime.parse(text)
    private fun red(p: Preservative, vararg m: Modification) = Product(Component.RED_CELLS, p, null, m.toList())

    @Test
    fun everyComponentCodeBothWays() {
        assertEquals(components.size, EraktkoshComponent.entries.size)
        for ((entry, row) in EraktkoshComponent.entries.zip(components)) {
            val (code, name) = row
            assertEquals(entry, componentFromCode(code))
            assertEquals(code, componentToCode(entry))
            assertEquals(name, eraktkoshComponentName(entry))
        }
    }

    @Test
    fun unknownComponentCodesAreInvalidCode() {
        for (code in listOf(0, 1, 10, 15, 22, 24, 27, 31, -1, Int.MAX_VALUE, Int.MIN_VALUE)) {
            val e = assertThrows<RaktException.InvalidCode> { componentFromCode(code) }
            assertEquals("e-RaktKosh component code", e.structure)
            assertEquals(code.toString(), e.input)
            assertEquals(1, e.position)
        }
    }

    @Test
    fun productsBothWays() {
        assertEquals(Product(Component.WHOLE_BLOOD, Preservative.CPDA1), eraktkoshProduct(componentFromCode(11)))
        assertEquals(red(Preservative.CPDA1), eraktkoshProduct(componentFromCode(12)))
        assertEquals(red(Preservative.ADDITIVE_SOLUTION), eraktkoshProduct(componentFromCode(28)))
        assertEquals(red(Preservative.CPDA1, Modification.IRRADIATED), eraktkoshProduct(componentFromCode(29)))
        assertEquals(red(Preservative.CPDA1, Modification.LEUCOREDUCED), eraktkoshProduct(componentFromCode(30)))
        assertEquals(Product(Component.PLASMA), eraktkoshProduct(componentFromCode(18)))
        assertEquals(Product(Component.PLATELETS, null, PlateletSource.RANDOM_DONOR), eraktkoshProduct(componentFromCode(20)))
        assertEquals("ERAKTKOSH_NO_RAKT_PRODUCT", assertThrows<RaktException.NotApplicable> {
            eraktkoshProduct(EraktkoshComponent.PLATELET_RICH_PLASMA)
        }.code)
        for (entry in EraktkoshComponent.entries) {
            if (entry == EraktkoshComponent.PLATELET_RICH_PLASMA) continue
            val back = componentToCode(eraktkoshComponentForProduct(eraktkoshProduct(entry)))
            val code = componentToCode(entry)
            assertEquals(mapOf(18 to 19, 20 to 23)[code] ?: code, back)
        }
        val both = red(Preservative.ADDITIVE_SOLUTION, Modification.IRRADIATED, Modification.LEUCOREDUCED)
        assertEquals(EraktkoshComponent.IRRADIATED_RBC, eraktkoshComponentForProduct(both))
        assertEquals(EraktkoshComponent.LEUKOREDUCED_RBC, eraktkoshComponentForProduct(red(Preservative.CPD, Modification.LEUCOREDUCED)))
        assertEquals(EraktkoshComponent.PACKED_RED_BLOOD_CELLS, eraktkoshComponentForProduct(red(Preservative.CPD)))
        assertEquals("ERAKTKOSH_NO_COMPONENT_CODE", assertThrows<RaktException.NotApplicable> {
            eraktkoshComponentForProduct(Product(Component.GRANULOCYTES))
        }.code)
    }

    @Test
    fun everyBloodGroupCodeBothWays() {
        for ((code, group, label) in groups) {
            assertEquals(parseBloodGroup(group), bloodGroupFromCode(code))
            assertEquals(group, bloodGroupFromCode(code).toString())
            assertEquals(code, bloodGroupToCode(parseBloodGroup(group)))
            assertEquals(label, eraktkoshGroupLabel(code))
        }
        for (code in listOf(0, 10, 19, 20, 21, 24, -1, Int.MAX_VALUE)) {
            val e = assertThrows<RaktException.InvalidCode> { bloodGroupFromCode(code) }
            assertEquals("e-RaktKosh blood group code", e.structure)
            assertEquals(code.toString(), e.input)
        }
        assertEquals(18, bloodGroupToCode(parseBloodGroup("A2B-")))
        assertEquals(15, bloodGroupToCode(parseBloodGroup("O- weak D")))
        assertEquals("ERAKTKOSH_NO_GROUP_CODE", assertThrows<RaktException.NotApplicable> {
            bloodGroupToCode(parseBloodGroup("Bombay"))
        }.code)
    }

    // ---- stock summary ----------------------------------------------------------------------

    private val markers = listOf(TtiMarker.HIV, TtiMarker.HBSAG, TtiMarker.HCV, TtiMarker.SYPHILIS, TtiMarker.MALARIA)

    private fun ev(at: String, kind: EventKind) = UnitEvent(t("2026-11-01T$at:00+05:30"), "tech", kind)

    private fun released(din: String, group: String, product: Product = red(Preservative.ADDITIVE_SOLUTION)): BloodUnit {
        var u = BloodUnit.collect(
            Collection(din = din, product = product, group = parseBloodGroup(group), volumeMl = 280,
                donationType = DonationType.VOLUNTARY, collectedAt = t("2026-11-01T09:00:00+05:30")),
            "tech",
        )
        u = u.apply(ev("09:30", EventKind.Quarantine))
        for (m in markers) u = u.apply(ev("10:00", EventKind.RecordTest(m, TestResult.NON_REACTIVE)))
        val g = u.group()
        u = u.apply(ev("10:10", EventKind.RecordGrouping(forward = g, reverse = g.abo)))
        return u.apply(ev("11:00", EventKind.Release))
    }

    @Test
    fun stockSummaryInTheShapeOfTheAvailabilitySearch() {
        val units = (0 until 3).map { CentreUnit("BC-2", released("B$it", "B+")) } + listOf(
            CentreUnit("BC-2", released("O1", "O-")),
            CentreUnit("BC-2", released("W1", "O- weak D")),
            CentreUnit("BC-2", released("G1", "O+", Product(Component.GRANULOCYTES))),
            CentreUnit("BC-1", released("F1", "A-", Product(Component.FRESH_FROZEN_PLASMA))),
        )
        val s = stockSummary(units, t("2026-11-01T12:00:00+05:30"))
        assertEquals(listOf("BC-1", "BC-2"), s.centres.map { it.centre })
        val bc2 = s.centres[1]
        val stock = bc2.components.single()
        assertEquals(EraktkoshComponent.SAGM_PACKED_RED_BLOOD_CELLS, stock.component)
        assertEquals(28, stock.code)
        assertEquals("Sagm Packed Red Blood Cells", stock.name)
        assertEquals("B+Ve : 3, O+Ve : 1, O-Ve : 1", stock.availability)
        assertEquals(5, stock.total)
        assertEquals(listOf(GroupCount(13, "B+Ve", 3), GroupCount(15, "O+Ve", 1), GroupCount(16, "O-Ve", 1)), stock.groups)
        assertEquals(listOf("G1" to "ERAKTKOSH_NO_COMPONENT_CODE"), bc2.uncounted.map { it.unit to it.code })
        assertEquals("A-Ve : 1", s.centres[0].components.single().availability)
        assertTrue(s.centres[0].uncounted.isEmpty())

        val early = stockSummary(units, t("2026-11-01T10:00:00+05:30"))
        assertEquals("EVENTS_AFTER_AS_OF", early.centres[0].uncounted.single().code)
        assertEquals("centre", assertThrows<RaktException.InvalidInput> {
            stockSummary(listOf(CentreUnit(" ", units[0].unit)), t("2026-11-01T12:00:00+05:30"))
        }.field)
        assertNull(stockSummary(emptyList(), t("2026-11-01T12:00:00+05:30")).centres.firstOrNull())
    }
}
