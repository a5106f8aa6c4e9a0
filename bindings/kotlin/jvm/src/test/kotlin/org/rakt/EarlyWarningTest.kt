package org.rakt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.math.BigDecimal

/** Early warning, shock index, PPH: the key cases of crates/rakt/tests/maternal_early_warning.rs. */
class EarlyWarningTest {
    @Test
    fun oneRedOrTwoYellowsTrigger() {
        val one = earlyWarning(Vitals(heartRate = 101, systolicBp = 120))
        assertFalse(one.triggered)
        assertEquals(WarningBand.GREEN, one.level)
        assertEquals(WarningBand.YELLOW, one.band(VitalSign.HEART_RATE))
        assertEquals(WarningBand.NOT_ASSESSED, one.band(VitalSign.SPO2))
        val two = earlyWarning(Vitals(heartRate = 101, respiratoryRate = 21))
        assertTrue(two.triggered)
        assertEquals(WarningBand.YELLOW, two.level)
        val red = earlyWarning(Vitals(spo2 = 94))
        assertEquals(WarningBand.RED, red.level)
        assertEquals("< 95", red.parameters.first { it.parameter == VitalSign.SPO2 }.rule)
        assertEquals(Confidence.LOW, red.confidence)
        assertEquals(WarningBand.YELLOW, earlyWarning(Vitals(temperatureC = BigDecimal("37.5"))).band(VitalSign.TEMPERATURE_C))
        assertEquals(WarningBand.GREEN, earlyWarning(Vitals(temperatureC = BigDecimal("37.4"))).band(VitalSign.TEMPERATURE_C))
        assertEquals(WarningBand.RED, earlyWarning(Vitals(consciousness = Avpu.VOICE)).level)
    }

    @Test
    fun aDecisionIsTheChartWithoutItsText() {
        val inputs = listOf(
            Vitals(heartRate = 101, systolicBp = 120),
            Vitals(heartRate = 101, respiratoryRate = 21),
            Vitals(spo2 = 94, consciousness = Avpu.VOICE),
            Vitals(temperatureC = BigDecimal("37.5"), diastolicBp = 60, systolicBp = 150),
            Vitals(),
            Vitals(heartRate = -5),
            Vitals(systolicBp = 100, diastolicBp = 100),
        )
        for (policy in listOf(null, Policy.builtin("india_meows_score"))) {
            var refused = 0
            for (v in inputs) {
                val w = try {
                    earlyWarning(v, policy)
                } catch (e: RaktException) {
                    refused++
                    val d = assertThrows<RaktException> { decideEarlyWarning(v, policy) }
                    assertEquals(e::class, d::class)
                    assertEquals(e.message, d.message)
                    assertEquals(e.toString(), d.toString())
                    continue
                }
                val d = decideEarlyWarning(v, policy)
                assertEquals(w.decision(), d)
                assertEquals(w.mode, d.mode)
                assertEquals(w.triggered, d.triggered)
                assertEquals(w.level, d.level)
                assertEquals(w.parameters.map { it.band }, d.bands)
                assertEquals(VitalSign.entries.map { w.band(it) }, VitalSign.entries.map { d.band(it) })
                assertEquals(w.reds, d.reds)
                assertEquals(w.yellows, d.yellows)
                assertEquals(w.score, d.score)
            }
            assertEquals(2, refused)
        }
        val one = decideEarlyWarning(inputs[0])
        assertEquals(WarningMode.CHART, one.mode)
        assertFalse(one.triggered)
        assertEquals(WarningBand.GREEN, one.level)
        val na = WarningBand.NOT_ASSESSED
        assertEquals(listOf(na, na, na, WarningBand.GREEN, na, WarningBand.YELLOW, na), one.bands)
        assertEquals(WarningBand.YELLOW, one.band(VitalSign.HEART_RATE))
        assertEquals(listOf(0, 1), listOf(one.reds, one.yellows))
        assertEquals(null, one.score)
        val red = decideEarlyWarning(inputs[2])
        assertTrue(red.triggered)
        assertEquals(WarningBand.RED, red.level)
        assertEquals(2, red.reds)
        assertEquals(WarningBand.RED, red.band(VitalSign.CONSCIOUSNESS))
        assertEquals(na, decideEarlyWarning(Vitals()).level)
        val score = decideEarlyWarning(Vitals(heartRate = 101, systolicBp = 150), Policy.builtin("india_meows_score"))
        assertEquals(WarningMode.SCORE, score.mode)
        assertEquals(3, score.score)
        assertEquals(WarningBand.YELLOW, score.level)
        val e = assertThrows<RaktException.InvalidInput> { decideEarlyWarning(Vitals(heartRate = -5)) }
        assertEquals("heart_rate", e.field)
    }

    @Test
    fun theScoreProfile() {
        val p = Policy.builtin("india_meows_score")
        val w = earlyWarning(Vitals(heartRate = 101, systolicBp = 150), p)
        assertEquals(WarningMode.SCORE, w.mode)
        assertEquals(3, w.score)
        assertEquals(WarningBand.YELLOW, w.level)
        assertEquals(WarningBand.RED, earlyWarning(Vitals(systolicBp = 90), p).level)
    }

    @Test
    fun shockIndexRedFlagsAndPph() {
        val si = shockIndex(90, 100)
        assertEquals(BigDecimal("0.90"), si.value)
        assertTrue(si.alert)
        assertFalse(si.high)
        assertFalse(shockIndex(89, 100).alert)
        assertTrue(shockIndex(170, 100).high)
        val e = assertThrows<RaktException.InvalidInput> { shockIndex(90, 0) }
        assertEquals("systolic_bp", e.field)

        val flags = pphRedFlags(Vitals(heartRate = 121, systolicBp = 99, diastolicBp = 60))
        assertEquals(listOf("tachycardia", "hypotension"), flags.map { it.code })
        assertEquals("नाड़ी 121/मिनट (> 120): खतरे का संकेत।", flags[0].message("hi"))

        val c = classifyPph(1001, DeliveryMode.CAESAREAN, 2)
        assertTrue(c.pph)
        assertEquals(PphSeverity.MODERATE, c.severity)
        assertEquals(PphTiming.PRIMARY, c.timing)
        assertFalse(classifyPph(1000, DeliveryMode.CAESAREAN).pph)
        assertEquals(PphSeverity.MINOR, classifyPph(500, DeliveryMode.VAGINAL).severity)
        assertTrue(classifyPph(1501, DeliveryMode.VAGINAL).massive)
    }
}
