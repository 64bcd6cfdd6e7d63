// The tests this vendor build must have run and passed (a build that ran none, or fewer, fails), the JUnit Jupiter
// version its tests ran with (every JUnit jar of that release), and whether jqwik was on the test class path.
expectedTests = [
        'vendor.CprLookupTest': 1,
        'vendor.DigitalPostLetterTest': 1
]
expectedJUnit = '6.1.3' // what Spring Boot 4.2.0 manages: JUnit 6
expectJqwik = false
return evaluate(new File(moduleDir, 'src/it-support/check-surefire-reports.groovy'))
