package org.rakt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate
import java.time.OffsetDateTime

/** Gestation, birth outcomes and Robson groups: key cases of maternal_gestation.rs and maternal_robson.rs. */
class MaternalTest {
    @Test
    fun gestationAndOutcomes() {
        assertEquals(LocalDate.of(2026, 11, 17), eddFromLmp(LocalDate.of(2026, 2, 10)))
        val ga = gestationalAge(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 11, 16))
        assertEquals(GestationalAge(39, 6), ga)
        assertEquals(GestationCategory.FULL_TERM, gestationCategory(ga))
        assertEquals(GestationCategory.LATE_PRETERM, gestationCategory(GestationalAge(36, 6)))
        assertEquals(GestationCategory.EARLY_TERM, gestationCategory(GestationalAge(37, 0)))
        assertEquals(LocalDate.of(2026, 11, 10), eddFromUltrasound(LocalDate.of(2026, 5, 1), GestationalAge(12, 3)))
        assertThrows<RaktException.InvalidInput> { gestationCategory(GestationalAge(39, 7)) }
        val w = birthWeight(1799)
        assertEquals(BirthWeightCategory.LOW, w.category)
        assertTrue(w.belowHmisLine)
        assertEquals(BirthWeightCategory.NORMAL, birthWeight(2500).category)
        assertTrue(isLiveBirth(heartbeat = true))
        assertFalse(isLiveBirth())
        assertEquals(FetalDeathClass.FRESH_STILLBIRTH, classifyFetalDeath(GestationalAge(28, 0), FetalDeathTiming.INTRAPARTUM))
        assertEquals(FetalDeathClass.FOETAL_DEATH, classifyFetalDeath(GestationalAge(27, 6), FetalDeathTiming.ANTEPARTUM))
        val born = OffsetDateTime.parse("2026-11-01T10:00:00+05:30")
        val d = newbornDeath(born, born.plusDays(27).plusHours(23))
        assertEquals(27, d.completedDays)
        assertTrue(d.neonatal)
        assertEquals(NewbornDeathBin.DAYS8_TO28, d.hmisBin)
        assertTrue(inMaternalDeathWindow(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 12)))
        assertFalse(inMaternalDeathWindow(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 13)))
    }

    @Test
    fun robsonGroups() {
        fun g(input: RobsonInput) = robsonGroup(input)
        val term = RobsonInput(parity = 0, previousCaesareans = 0, fetuses = 1, presentation = Presentation.CEPHALIC, gestationWeeks = 39)
        assertEquals(RobsonResult.Group("1"), g(term.copy(onset = LabourOnset.SPONTANEOUS)))
        assertEquals(RobsonResult.Group("2a"), g(term.copy(onset = LabourOnset.INDUCED)))
        assertEquals(RobsonResult.Group("4b"), g(term.copy(parity = 2, onset = LabourOnset.CAESAREAN_BEFORE_LABOUR)))
        assertEquals(RobsonResult.Group("10"), g(term.copy(gestationWeeks = 36, onset = LabourOnset.SPONTANEOUS)))
        assertEquals(RobsonResult.Group("8"), g(RobsonInput(fetuses = 2)))
        assertEquals(RobsonResult.Unclassified(listOf("parity")), g(RobsonInput(fetuses = 1, presentation = Presentation.BREECH)))
        val e = assertThrows<RaktException.InvalidInput> { g(term.copy(previousCaesareans = 1, onset = LabourOnset.SPONTANEOUS)) }
        assertEquals("previous_caesareans", e.field)
    }

    @Test
    fun implausibleGestationsAreRefused() {
        // Issue 17: 613566757 weeks + 6 days wrapped to 9 days in u32.
        val scan = LocalDate.of(2026, 5, 1)
        assertEquals(LocalDate.of(2026, 3, 21), eddFromUltrasound(scan, GestationalAge(45, 6)))
        val e = assertThrows<RaktException.InvalidInput> { eddFromUltrasound(scan, GestationalAge(613566757, 6)) }
        assertEquals("weeks", e.field)
        assertThrows<RaktException.InvalidInput> { gestationCategory(GestationalAge(46, 0)) }
    }
}
