package org.rakt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.math.BigDecimal
import java.time.LocalDate

/** Processing charges (research/blood.md §7) with exact values: the same answers as the Rust core. */
class TariffTest {
    private val on = LocalDate.of(2026, 11, 23)
    private fun d(s: String) = BigDecimal(s)

    private fun governmentAtCeilings(exemptions: List<CentreExemption> = emptyList()) = CentreTariff(
        centre = "District Hospital Blood Centre",
        sector = Sector.GOVERNMENT,
        effectiveFrom = LocalDate.of(2024, 4, 1),
        prices = mapOf(
            TariffItem.WHOLE_BLOOD to d("1100"),
            TariffItem.PACKED_RED_CELLS to d("1100"),
            TariffItem.FRESH_FROZEN_PLASMA to d("300"),
            TariffItem.PLATELET_CONCENTRATE to d("300"),
            TariffItem.CRYOPRECIPITATE to d("200"),
            TariffItem.SURPLUS_PLASMA_FOR_FRACTIONATION to d("1600"),
            TariffItem.GROUPING_AND_CROSSMATCHING to d("120"),
        ),
        exemptions = exemptions,
    )

    @Test
    fun ceilingsByDateAndSector() {
        val s = scheduleOn(on)
        assertEquals("nbtc-2022", s.id)
        assertEquals(LocalDate.of(2022, 7, 20), s.effectiveFrom)
        assertEquals(s, nbtc2022())
        assertEquals("1550", scheduleCeiling(s, TariffItem.PACKED_RED_CELLS, Sector.PRIVATE)?.amount?.toPlainString())
        assertEquals("300", scheduleCeiling(s, TariffItem.FRESH_FROZEN_PLASMA, Sector.GOVERNMENT)?.amount?.toPlainString())
        assertNull(scheduleCeiling(s, TariffItem.SINGLE_DONOR_PLATELETS, Sector.PRIVATE))
        val cryo = scheduleCeiling(s, TariffItem.CRYOPRECIPITATE, Sector.PRIVATE)!!
        assertEquals(Confidence.LOW, cryo.source.confidence)
        assertTrue(cryo.source.note!!.contains("no national cryoprecipitate ceiling"))

        val old = scheduleOn(LocalDate.of(2022, 7, 19))
        assertEquals(old, nbtcBefore2022())
        assertEquals(listOf("nbtc-before-2022", "nbtc-2022"), ceilingSchedules().map { it.id })
        assertNull(old.effectiveFrom)
        assertEquals("1450", scheduleCeiling(old, TariffItem.PACKED_RED_CELLS, Sector.PRIVATE)?.amount?.toPlainString())
        assertTrue(scheduleAppliesOn(old, LocalDate.of(1990, 1, 1)))
        assertFalse(scheduleAppliesOn(old, LocalDate.of(2022, 7, 20)))

        assertTrue(tariffItemPerLitre(TariffItem.SURPLUS_PLASMA_FOR_FRACTIONATION))
        assertFalse(tariffItemPerLitre(TariffItem.PACKED_RED_CELLS))
        assertTrue(statutoryExemptionSource().contains("Telangana"))
    }

    @Test
    fun aTariffWithinTheCeilingsPassesAndTheSuratOneDoesNot() {
        val check = validateTariff(governmentAtCeilings())
        assertEquals("nbtc-2022", check.schedule)
        assertEquals(7, check.prices.size)
        assertNull(check.prices.last().ceiling) // grouping and crossmatching: no national ceiling
        assertEquals(TariffItem.GROUPING_AND_CROSSMATCHING, check.prices.last().item)

        val surat = CentreTariff(
            "Surat Raktadan Kendra", Sector.PRIVATE, LocalDate.of(2023, 2, 1),
            mapOf(
                TariffItem.WHOLE_BLOOD to d("1450"), TariffItem.PACKED_RED_CELLS to d("1400"),
                TariffItem.PLATELET_CONCENTRATE to d("700"), TariffItem.FRESH_FROZEN_PLASMA to d("700"),
                TariffItem.CRYOPRECIPITATE to d("500"), TariffItem.SINGLE_DONOR_PLATELETS to d("11000"),
            ),
        )
        val e = assertThrows<RaktException.NotApplicable> { validateTariff(surat) }
        assertEquals("TARIFF_ABOVE_CEILING", e.code)
        assertEquals(
            "above the NBTC 2022 ceilings for private centres: fresh_frozen_plasma ₹700.00 (ceiling ₹400.00), " +
                "platelet_concentrate ₹700.00 (ceiling ₹400.00), cryoprecipitate ₹500.00 (ceiling ₹250.00)",
            e.reason,
        )

        val paise = governmentAtCeilings().let { it.copy(prices = it.prices + (TariffItem.WHOLE_BLOOD to d("1099.999"))) }
        assertEquals("prices.whole_blood", assertThrows<RaktException.InvalidInput> { validateTariff(paise) }.field)
        val over = governmentAtCeilings(listOf(CentreExemption("bpl", "BPL card", d("120"))))
        assertEquals("exemptions.bpl.percent", assertThrows<RaktException.InvalidInput> { validateTariff(over) }.field)
    }

    @Test
    fun billsToThePaisa() {
        val b = bill(
            governmentAtCeilings(),
            listOf(BillItem(TariffItem.PACKED_RED_CELLS, d("2")), BillItem(TariffItem.FRESH_FROZEN_PLASMA, d("1"))),
            date = on,
        )
        assertEquals(listOf("2200.00", "300.00"), b.lines.map { it.gross.toPlainString() })
        assertEquals("2500.00", b.grossTotal.toPlainString())
        assertEquals("0.00", b.waivedTotal.toPlainString())
        assertEquals("2500.00", b.total.toPlainString())
        assertEquals(on, b.date)
        assertEquals(d("1100"), b.lines[0].unitPrice)

        val litres = { q: String ->
            bill(governmentAtCeilings(), listOf(BillItem(TariffItem.SURPLUS_PLASMA_FOR_FRACTIONATION, d(q))), date = on)
                .total.toPlainString()
        }
        assertEquals("375.52", litres("0.2347"))
        assertEquals("375.25", litres("0.23453125"))
        assertEquals("0.01", litres("0.000003125")) // 0.005 rounds away from zero
        assertEquals("0.00", litres("0.0000031"))
    }

    @Test
    fun exemptions() {
        val lines = listOf(BillItem(TariffItem.PACKED_RED_CELLS, d("1")), BillItem(TariffItem.GROUPING_AND_CROSSMATCHING, d("1")))
        for (category in StatutoryExemption.entries) {
            val b = bill(governmentAtCeilings(), lines, statutory = listOf(category), date = on)
            assertEquals("0.00", b.total.toPlainString())
            assertEquals("1220.00", b.waivedTotal.toPlainString())
            assertEquals(listOf(category.name.lowercase(), category.name.lowercase()), b.lines.map { it.exemption })
        }
        val t = governmentAtCeilings(
            listOf(
                CentreExemption("nfsa_card", "NFSA (EWS/BPL) card holders", d("100")),
                CentreExemption("donor_card", "Voluntary donor card: a third off red cells", d("33.33"), listOf(TariffItem.PACKED_RED_CELLS)),
            ),
        )
        validateTariff(t)
        val two = listOf(BillItem(TariffItem.PACKED_RED_CELLS, d("1")), BillItem(TariffItem.FRESH_FROZEN_PLASMA, d("1")))
        val b = bill(t, two, centreExemptions = listOf("donor_card"), date = on)
        assertEquals("366.63", b.lines[0].waived.toPlainString())
        assertEquals("733.37", b.lines[0].net.toPlainString())
        assertEquals("donor_card", b.lines[0].exemption)
        assertNull(b.lines[1].exemption)
        assertEquals("1033.37", b.total.toPlainString())
        assertEquals("0.00", bill(t, two, centreExemptions = listOf("nfsa_card"), date = on).total.toPlainString())
        val vip = assertThrows<RaktException.InvalidInput> { bill(t, two, centreExemptions = listOf("vip"), date = on) }
        assertEquals("centre_exemptions", vip.field)
    }

    @Test
    fun badBillsAreRefused() {
        val t = governmentAtCeilings()
        val half = assertThrows<RaktException.InvalidInput> { bill(t, listOf(BillItem(TariffItem.PACKED_RED_CELLS, d("0.5"))), date = on) }
        assertEquals("quantity", half.field)
        val unpriced = assertThrows<RaktException.NotApplicable> { bill(t, listOf(BillItem(TariffItem.IRRADIATION, d("1"))), date = on) }
        assertEquals("TARIFF_ITEM_NOT_PRICED", unpriced.code)
        val early = assertThrows<RaktException.InvalidInput> {
            bill(t, listOf(BillItem(TariffItem.PACKED_RED_CELLS, d("1"))), date = LocalDate.of(2024, 3, 31))
        }
        assertEquals("date", early.field)
    }

    @Test
    fun amountsTooLargeForADecimalAndBadExemptionsAreRefused() {
        // Issue 17: rust_decimal's * and + panicked on overflow; bill() skipped validate()'s checks.
        val huge = listOf(BillItem(TariffItem.PACKED_RED_CELLS, d("79000000000000000000000000000")))
        assertEquals("quantity", assertThrows<RaktException.InvalidInput> { bill(governmentAtCeilings(), huge, date = on) }.field)
        val tenBig = List(10) { BillItem(TariffItem.PACKED_RED_CELLS, d("10000000000000000000000000")) }
        assertEquals("lines", assertThrows<RaktException.InvalidInput> { bill(governmentAtCeilings(), tenBig, date = on) }.field)
        val odd = governmentAtCeilings(listOf(CentreExemption("odd", "odd", d("101"))))
        val one = listOf(BillItem(TariffItem.PACKED_RED_CELLS, d("1")))
        val e = assertThrows<RaktException.InvalidInput> { bill(odd, one, centreExemptions = listOf("odd"), date = on) }
        assertEquals("exemptions.odd.percent", e.field)
    }
}
