// The Android library (AAR) org.rakt:rakt-android. NOT BUILT OR TESTED in rakt's CI (no Android
// NDK or SDK there); build-aar.sh prepares its inputs and runs it where they exist. The plugin
// versions are the ones this file was written for; use your project's if they differ.
//
// Inputs, written by build-aar.sh (never committed):
//   build/rakt/jniLibs/<abi>/librakt_ffi.so   arm64-v8a, armeabi-v7a, x86_64 (release-mobile, 16 KB pages)
//   build/rakt/kotlin/                         the UniFFI Kotlin generated with android = true
plugins {
    id("com.android.library") version "8.7.3"
    id("org.jetbrains.kotlin.android") version "2.4.21"
}

android {
    namespace = "org.rakt"
    compileSdk = 35
    defaultConfig {
        // java.time without desugaring; the generated code uses SystemCleaner on API 34+.
        minSdk = 26
        consumerProguardFiles("consumer-rules.pro")
    }
    sourceSets["main"].apply {
        jniLibs.srcDir(layout.buildDirectory.dir("rakt/jniLibs"))
        kotlin.srcDir(layout.buildDirectory.dir("rakt/kotlin"))
        // The hand-written Kotlin shared with the JVM artifact (Extensions.kt).
        kotlin.srcDir("../jvm/src/main/kotlin")
    }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    packaging {
        // Keep the libraries as built (16 KB-aligned, uncompressed in the APK).
        jniLibs.useLegacyPackaging = false
    }
}

kotlin {
    jvmToolchain(17)
}

dependencies {
    implementation("net.java.dev.jna:jna:5.19.1@aar")
    implementation("androidx.annotation:annotation:1.9.1")
}
