package org.rakt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.math.BigDecimal
import java.time.Duration
import java.time.OffsetDateTime
import java.time.ZoneOffset

/** The Kotlin API itself: types, errors and a few verdicts with exact answers. */
class ApiTest {

    private fun t(text: String): OffsetDateTime = OffsetDateTime.parse(text)

    private fun hasDevanagari(text: String) = text.any { it in '\u0900'..'\u097F' }

    private val ist = ZoneOffset.ofHoursMinutes(5, 30)

    // ---- blood groups -----------------------------------------------------------------------

    @Test
    fun parsesTheSpellingsOfRealRecords() {
        for (text in listOf("O+", "O POS", "o pos", "O Rh positive", "O+ve", "  o  +  ")) {
            assertEquals("O+", parseBloodGroup(text).toString(), text)
        }
        assertEquals("AB-", BloodGroup.parse("AB-Ve").toString())
        assertEquals("AB-", BloodGroup.parse("AB RhD negative").toString())
        val bombay = BloodGroup.parse("Bombay")
        assertEquals(Abo.OH, bombay.abo)
        assertNull(bombay.rhd)
        assertEquals("Oh", bombay.toString())
    }

    @Test
    fun badTextIsATypedExceptionQuotingTheInput() {
        val e = assertThrows<RaktException.InvalidBloodGroup> { parseBloodGroup("C+") }
        assertEquals("C+", e.input)
        assertTrue(e.reason.isNotBlank())
        // toString() is the core's message, which quotes the input
        assertTrue(e.toString().contains("\"C+\""), e.toString())
        // catchable as the sealed base class, never as InternalException
        val base: RaktException = assertThrows<RaktException> { BloodGroup.parse("O Rh") }
        assertTrue(base is RaktException.InvalidBloodGroup)
        assertThrows<RaktException.InvalidBloodGroup> { BloodGroup.parse("") }
    }

    @Test
    fun bloodGroupIsAValueWithCanonicalToString() {
        val oPos = BloodGroup(Abo.O, RhD.POSITIVE)
        assertEquals("O+", oPos.toString())
        assertEquals(oPos, parseBloodGroup("O POS"))
        assertEquals(oPos.hashCode(), parseBloodGroup("o+ve").hashCode())
        assertNotEquals(oPos, BloodGroup(Abo.O, RhD.NEGATIVE))
        assertEquals(2, setOf(oPos, parseBloodGroup("O+"), parseBloodGroup("O-")).size)
        // phenotype details are part of the value but not of toString()
        val a2b = parseBloodGroup("A2B+")
        assertEquals(BloodGroup(Abo.AB, RhD.POSITIVE, aSubgroup = ASubgroup.A2), a2b)
        assertEquals("AB+", a2b.toString())
        assertEquals("A2B+", a2b.notation())
        val weak = parseBloodGroup("O pos weak D")
        assertTrue(weak.weakD)
        assertEquals("O+ weak D", weak.notation())
        assertEquals(weak, oPos.copy(weakD = true))
    }

    @Test
    fun anInvalidBloodGroupBuiltInKotlinIsRefusedWhenUsed() {
        val bogus = BloodGroup(Abo.O, RhD.POSITIVE, aSubgroup = ASubgroup.A2)
        assertEquals("O+", bogus.toString()) // display of the basic group never fails
        assertThrows<RaktException.InvalidBloodGroup> { bogus.notation() }
        assertThrows<RaktException.InvalidBloodGroup> {
            compatibility(Component.RED_CELLS, bogus, Recipient(parseBloodGroup("AB+")))
        }
        assertThrows<RaktException.InvalidBloodGroup> {
            donorPreference(Component.PLATELETS, Recipient(group = bogus))
        }
    }

    // ---- compatibility ----------------------------------------------------------------------

    @Test
    fun compatibilityVerdictsWithExactCodes() {
        val oNeg = parseBloodGroup("O-")
        val abPos = Recipient(parseBloodGroup("AB+"))
        val rbc = compatibility(Component.RED_CELLS, oNeg, abPos)
        assertTrue(rbc.compatible)
        assertEquals(Rank.COMPATIBLE, rbc.rank)
        assertFalse(rbc.emergency)
        assertEquals(oNeg, rbc.donor)
        assertEquals(Component.RED_CELLS, rbc.component)

        // plasma rules run the other way round
        val ffp = compatibility(Component.FRESH_FROZEN_PLASMA, oNeg, abPos, Policy.india())
        assertFalse(ffp.compatible)
        assertEquals(Rank.INCOMPATIBLE, ffp.rank)
        assertEquals(listOf("PLASMA_ABO_INCOMPATIBLE", "RHD_NOT_REQUIRED"), ffp.reasons.map { it.code })
        assertEquals(Severity.STOP, ffp.reasons[0].severity)

        // an RhD-negative woman of 28 must not get RhD-positive red cells
        val woman = Recipient(group = oNeg, sex = Sex.FEMALE, ageYears = 28)
        val v = compatibility(Component.RED_CELLS, parseBloodGroup("O+"), woman)
        assertFalse(v.compatible)
        assertEquals("RHD_NEGATIVE_REQUIRED", v.reasons[0].code)
        assertNotNull(v.reasons[0].source)

        // group unknown: emergency release
        val trauma = Recipient(sex = Sex.MALE, ageYears = 35)
        val e = compatibility(Component.RED_CELLS, oNeg, trauma)
        assertTrue(e.emergency)
        assertTrue(e.compatible)
        assertTrue(e.reasons.any { it.code == "EMERGENCY_RELEASE" })
    }

    @Test
    fun donorPreferenceInOrder() {
        val woman = Recipient(group = parseBloodGroup("O neg"), sex = Sex.FEMALE, ageYears = 28)
        assertEquals(listOf("O-", "Oh-"), donorPreference(Component.RED_CELLS, woman).map { it.group.toString() })
        val man = Recipient(group = parseBloodGroup("A+"), sex = Sex.MALE, ageYears = 40)
        val options = donorPreference(Component.RED_CELLS, man, Policy.india())
        assertEquals(listOf("A+", "A-", "O+", "O-", "Oh+", "Oh-"), options.map { it.group.toString() })
        assertEquals(Rank.IDENTICAL, options[0].rank)
    }

    @Test
    fun recipientDefaultsAndNegativeAge() {
        val r = Recipient()
        assertNull(r.group)
        assertFalse(r.antiD)
        assertFalse(r.chronicallyTransfused)
        val e = assertThrows<RaktException.InvalidInput> {
            compatibility(Component.RED_CELLS, parseBloodGroup("O-"), Recipient(ageYears = -1))
        }
        assertEquals("recipient.age_years", e.field)
    }

    // ---- reasons and messages ---------------------------------------------------------------

    @Test
    fun messagesInEnglishAndHindi() {
        val v = compatibility(
            Component.RED_CELLS,
            parseBloodGroup("A+"),
            Recipient(parseBloodGroup("O+")),
        )
        val r = v.reasons[0]
        assertEquals("RED_CELLS_ABO_INCOMPATIBLE", r.code)
        assertEquals("anti-A", r.facts["antibodies"])
        val en = r.message("en")
        val hi = r.message("hi")
        assertFalse(hasDevanagari(en), en)
        assertTrue(hasDevanagari(hi), hi)
        assertTrue(hi.contains("एंटी-A"), hi)
        assertEquals(hi, r.message("hi-IN"))
        val e = assertThrows<RaktException.InvalidInput> { r.message("fr") }
        assertEquals("lang", e.field)
        // a reason built in Kotlin renders through the core too; an unknown code is refused
        val made = Reason("RECIPIENT_RHD_UNKNOWN", Severity.CAUTION, emptyMap(), null, null)
        assertEquals("The recipient's RhD type is not known; treated as RhD-negative.", made.message("en"))
        val unknown = assertThrows<RaktException.InvalidInput> { made.copy(code = "NOPE").message("en") }
        assertEquals("reason.code", unknown.field)
        assertTrue(hasDevanagari(Component.RED_CELLS.displayName("hi")))
        assertEquals("red cells", Component.RED_CELLS.displayName("en"))
        assertEquals(Component.FRESH_FROZEN_PLASMA, parseComponent("FFP"))
        assertThrows<RaktException.InvalidInput> { parseComponent("blood") }
    }

    // ---- policies ---------------------------------------------------------------------------

    @Test
    fun builtinPoliciesWithSources() {
        val india = Policy.india()
        assertEquals("india", india.name())
        assertEquals("india", india.toString())
        assertEquals("us", Policy.us().name())
        assertEquals("uk", Policy.builtin("uk").name())
        assertThrows<RaktException.InvalidInput> { Policy.builtin("mars") }
        val src = india.source("shelf_life.red_cells_additive_solution")
        assertNotNull(src)
        assertEquals(Confidence.MEDIUM, src!!.confidence)
        assertTrue(src.citation.isNotBlank())
        assertNull(india.source("no.such.parameter"))
        assertTrue("shelf_life.red_cells_additive_solution" in india.parameterPaths())
        // round trips through the core's JSON and TOML
        assertEquals("india", Policy.fromJson(india.toJson()).name())
        assertEquals(india.toJson(), Policy.fromToml(india.toToml()).toJson())
    }

    @Test
    fun storageRangeIsBigDecimal() {
        val fridge = Policy.india().storageRange(Storage.REFRIGERATED)
        assertEquals(0, BigDecimal("2").compareTo(fridge.minCelsius))
        assertEquals(0, BigDecimal("6").compareTo(fridge.maxCelsius))
        val frozen = Policy.india().storageRange(Storage.FROZEN)
        assertNull(frozen.minCelsius)
        assertNotNull(frozen.maxCelsius)
    }

    @Test
    fun aBadPolicyFileIsRefusedNamingTheField() {
        val toml = "name = \"t\"\nextends = \"india\"\n[shelf_life.platelets_random_donor]\ndays = -3\n"
        val e = assertThrows<RaktException.InvalidPolicy> { Policy.fromToml(toml) }
        assertEquals("shelf_life.platelets_random_donor.days", e.path)
        assertTrue(e.reason.contains("must be > 0"), e.reason)
        val json = """{"name": "t", "extends": "india", "shelf_life": {"platelets_random_donor": {"days": 0}}}"""
        assertEquals("shelf_life.platelets_random_donor.days", assertThrows<RaktException.InvalidPolicy> { Policy.fromJson(json) }.path)
    }

    @Test
    fun anOverrideIsMarkedLocal() {
        val p = Policy.fromToml("name = \"pgimer\"\nextends = \"india\"\n[compatibility]\nchild_bearing_potential_max_age = 55\n")
        assertEquals("pgimer", p.name())
        assertEquals(Confidence.LOCAL, p.source("compatibility.child_bearing_potential_max_age")?.confidence)
        assertEquals(Confidence.MEDIUM, p.source("shelf_life.red_cells_additive_solution")?.confidence)
        // and it is used: a 52-year-old RhD-negative woman is now protected
        val woman = Recipient(group = parseBloodGroup("O-"), sex = Sex.FEMALE, ageYears = 52)
        assertTrue(compatibility(Component.RED_CELLS, parseBloodGroup("O+"), woman).compatible)
        assertFalse(compatibility(Component.RED_CELLS, parseBloodGroup("O+"), woman, p).compatible)
    }

    // ---- expiry -----------------------------------------------------------------------------

    private val sagm = Product(Component.RED_CELLS, Preservative.ADDITIVE_SOLUTION)

    @Test
    fun expiryToTheMinute() {
        val e = computeExpiry(sagm, t("2026-01-01T10:00:00+05:30"))
        assertEquals(t("2026-02-12T23:59:00+05:30"), e.expiresAt)
        assertEquals(ist, e.expiresAt.offset)
        assertEquals(listOf("SHELF_LIFE"), e.reasons.map { it.code })
        assertEquals(sagm, e.product)
        assertFalse(isExpired(e, t("2026-02-12T23:58:59+05:30")))
        assertTrue(isExpired(e, t("2026-02-12T23:59:00+05:30")))
        assertTrue(isExpired(e, t("2026-02-12T18:29:00Z"))) // the same instant in UTC
        assertTrue(expiresWithin(e, Duration.ofMinutes(1), t("2026-02-12T23:58:00+05:30")))
        assertFalse(expiresWithin(e, Duration.ofSeconds(59), t("2026-02-12T23:58:00+05:30")))
        // Rust durations are unsigned: the generated code refuses a negative one before the call
        assertThrows<IllegalArgumentException> { expiresWithin(e, Duration.ofMinutes(-1), t("2026-02-12T23:58:00+05:30")) }
        // collected late at night UTC is already the next day in India; reported in +05:30
        val late = computeExpiry(Product(Component.PLATELETS, plateletSource = PlateletSource.APHERESIS), t("2026-04-30T20:00:00Z"))
        assertEquals(t("2026-05-04T23:59:00+05:30"), late.expiresAt)
        assertEquals(ist, late.expiresAt.offset)
    }

    @Test
    fun redateAndPool() {
        val e = computeExpiry(sagm, t("2026-01-01T10:00:00+05:30"))
        val irradiated = redate(e, Redating.Irradiated(t("2026-01-20T09:00:00+05:30")))
        assertEquals(e.expiresAt, irradiated.expiresAt) // re-dating never extends
        assertEquals(listOf(Modification.IRRADIATED), irradiated.product.modifications)
        val washed = redate(irradiated, Redating.Washed(t("2026-01-21T09:30:00+05:30")), Policy.india())
        assertEquals(t("2026-01-22T09:30:00+05:30"), washed.expiresAt)
        assertEquals(listOf("SHELF_LIFE", "REDATING_CANNOT_EXTEND", "REDATED"), washed.reasons.map { it.code })
        assertEquals(listOf(Modification.IRRADIATED, Modification.WASHED), washed.product.modifications)

        val twice = assertThrows<RaktException.NotApplicable> { redate(washed, Redating.Washed(t("2026-01-21T10:00:00+05:30"))) }
        assertEquals("ALREADY_MODIFIED", twice.code)
        val thaw = assertThrows<RaktException.NotApplicable> {
            redate(e, Redating.Thawed(t("2026-01-02T10:00:00+05:30"), Storage.REFRIGERATED))
        }
        assertEquals("NOT_FROZEN", thaw.code)
        val early = assertThrows<RaktException.NotApplicable> { redate(e, Redating.Opened(t("2025-12-31T10:00:00+05:30"))) }
        assertEquals("EVENT_BEFORE_COLLECTION", early.code)

        val rdp = Product(Component.PLATELETS, plateletSource = PlateletSource.RANDOM_DONOR)
        val a = computeExpiry(rdp, t("2026-05-01T08:00:00+05:30"))
        val b = computeExpiry(rdp, t("2026-05-02T08:00:00+05:30"))
        val pool = poolExpiry(listOf(b, a), t("2026-05-02T12:00:00+05:30"))
        assertEquals(t("2026-05-04T23:59:00+05:30"), pool.expiresAt) // the earliest constituent
        assertEquals(a.expiresAt, pool.expiresAt)
        assertEquals(listOf("POOL_EARLIEST_CONSTITUENT"), pool.reasons.map { it.code })
        assertTrue(Modification.POOLED in pool.product.modifications)
        assertEquals(a.collectedAt, pool.collectedAt)
        // UK: open-system platelet pools keep 6 hours
        val uk = Policy.uk()
        val ukPool = poolExpiry(
            listOf(computeExpiry(rdp, t("2026-01-01T10:00:00Z"), uk), computeExpiry(rdp, t("2026-01-02T10:00:00Z"), uk)),
            t("2026-01-03T10:00:00Z"),
            uk,
        )
        assertEquals(t("2026-01-03T16:00:00Z"), ukPool.expiresAt)
        assertEquals(listOf("POOL_EARLIEST_CONSTITUENT", "REDATED"), ukPool.reasons.map { it.code })
        val one = assertThrows<RaktException.InvalidInput> { poolExpiry(listOf(a), t("2026-05-02T12:00:00+05:30")) }
        assertEquals("constituents", one.field)
    }

    @Test
    fun anExpiryFromKotlinIsConvertedBackFaithfully() {
        val e = computeExpiry(sagm, t("2026-01-01T10:00:00+05:30"))
        // the same instants in another offset: same answers
        val utc = e.copy(collectedAt = e.collectedAt.withOffsetSameInstant(ZoneOffset.UTC), expiresAt = e.expiresAt.withOffsetSameInstant(ZoneOffset.UTC))
        assertFalse(isExpired(utc, t("2026-02-12T23:58:59+05:30")))
        assertTrue(isExpired(utc, t("2026-02-12T23:59:00+05:30")))
        // a tampered product is refused by the core, naming the field
        val bad = e.copy(product = e.product.copy(preservative = null))
        val err = assertThrows<RaktException.InvalidInput> { redate(bad, Redating.Irradiated(t("2026-01-02T10:00:00+05:30"))) }
        assertEquals("product.preservative", err.field)
        // a tampered reason code too
        val badReason = e.copy(reasons = listOf(e.reasons[0].copy(code = "MADE_UP")))
        assertEquals("expiry.reasons[0].code", assertThrows<RaktException.InvalidInput> { isExpired(badReason, e.collectedAt) }.field)
    }

    @Test
    fun anInvalidProductIsRefusedNamingTheField() {
        val e = assertThrows<RaktException.InvalidInput> {
            computeExpiry(Product(Component.RED_CELLS), t("2026-01-01T10:00:00+05:30"))
        }
        assertEquals("product.preservative", e.field)
        val p = assertThrows<RaktException.InvalidInput> {
            computeExpiry(Product(Component.PLATELETS), t("2026-01-01T10:00:00+05:30"))
        }
        assertEquals("product.platelet_source", p.field)
        // a product already modified must be re-dated with the time of its modification
        val m = assertThrows<RaktException.InvalidInput> {
            computeExpiry(sagm.copy(modifications = listOf(Modification.IRRADIATED)), t("2026-01-01T10:00:00+05:30"))
        }
        assertEquals("product.modifications", m.field)
    }

    @Test
    fun naiveTimestampsAreImpossibleByType() {
        // every time parameter is an OffsetDateTime: a LocalDateTime does not compile
        val fn: (Product, OffsetDateTime, Policy?) -> Expiry = ::computeExpiry
        assertEquals(t("2026-02-12T23:59:00+05:30"), fn(sagm, t("2026-01-01T10:00:00+05:30"), null).expiresAt)
        // and text without an offset is refused by the core's parser
        val e = assertThrows<RaktException.InvalidInput> { parseTimestamp("2026-01-01T10:00:00") }
        assertEquals("time", e.field)
        assertEquals(t("2026-01-01T10:00:00+05:30"), parseTimestamp("2026-01-01 10:00+05:30"))
        assertEquals(ZoneOffset.UTC, parseTimestamp("2026-01-01T04:30Z").offset)
    }

    @Test
    fun timesTheCoreCannotReadAreTypedErrorsNotInternalOnes() {
        // an offset with seconds is valid in java.time but not in RFC 3339
        val odd = OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofTotalSeconds(5 * 3600 + 30 * 60 + 15))
        val e = assertThrows<RaktException.InvalidInput> { computeExpiry(sagm, odd) }
        assertEquals("collected_at", e.field)
        val far = OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ist)
        assertEquals("as_of", assertThrows<RaktException.InvalidInput> {
            isExpired(computeExpiry(sagm, t("2026-01-01T10:00:00+05:30")), far)
        }.field)
        // fractions of a second survive the round trip
        val precise = t("2026-01-01T10:00:00.123456789+05:30")
        assertEquals(precise, computeExpiry(sagm, precise).collectedAt)
    }
}
