// The tests this vendor build must have run and passed (a build that ran none, or fewer, fails), the JUnit Jupiter
// version its tests ran with (every JUnit jar of that release), and whether jqwik was on the test class path.
expectedTests = [
        'vendor.CprLookupTest': 1,
        'vendor.DigitalPostLetterTest': 1
]
expectedJUnit = '5.12.2' // what Spring Boot 3.5.16 manages
expectJqwik = false
return evaluate(new File(moduleDir, 'src/it-support/check-surefire-reports.groovy'))
