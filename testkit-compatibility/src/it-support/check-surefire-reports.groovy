// Shared post-build check of the vendor projects (their verify.groovy sets expectedTests, a map from test class to
// test count, expectedJUnit and expectJqwik, and evaluates this script): every expected class has a surefire report
// with that many tests, none failed, errored or was skipped, and no other test ran; the tests ran with the JUnit
// release the vendor chose (Jupiter x.y.z with Platform 1.y.z for JUnit 5, both x.y.z from 6 on) and no other JUnit
// jar, so the testkit imposed none; jqwik was on the class path only when the vendor declared it.
def reports = new File(basedir, 'target/surefire-reports')
def found = [:]
def problems = []
def classPath = [] as Set
def factory = javax.xml.parsers.DocumentBuilderFactory.newInstance()
factory.setFeature('http://apache.org/xml/features/disallow-doctype-decl', true)
if (reports.isDirectory()) {
    reports.eachFileMatch(~/TEST-.*\.xml/) { f ->
        def suite = factory.newDocumentBuilder().parse(f).documentElement
        def name = suite.getAttribute('name')
        ['failures', 'errors', 'skipped'].each { a ->
            if ((suite.getAttribute(a) ?: '0') as int != 0) {
                problems << "$name: ${suite.getAttribute(a)} $a"
            }
        }
        found[name] = suite.getAttribute('tests') as int
        def props = suite.getElementsByTagName('property')
        for (int i = 0; i < props.length; i++) {
            if (props.item(i).getAttribute('name') == 'surefire.test.class.path') {
                classPath.addAll(props.item(i).getAttribute('value').split(File.pathSeparator).collect { new File(it).name })
            }
        }
    }
}
if (found != expectedTests) {
    problems << "tests run per class ${found}, expected ${expectedTests}"
}
def (major, minor, patch) = expectedJUnit.tokenize('.')
def platform = (major as int) >= 6 ? expectedJUnit : "1.${minor}.${patch}"
def junitJars = classPath.findAll { it ==~ /junit-(jupiter|platform)-?.*\.jar/ }
def foreign = junitJars.findAll { jar ->
    def m = jar =~ /^junit-(jupiter|platform)((?:-[a-z]+)*)-(\d.*)\.jar$/
    !m.matches() || m.group(3) != (m.group(1) == 'jupiter' ? expectedJUnit : platform)
}
if (!junitJars.contains("junit-jupiter-api-${expectedJUnit}.jar".toString())) {
    problems << "junit-jupiter-api ${expectedJUnit} not on the test class path: ${junitJars}"
}
if (foreign) {
    problems << "JUnit jars of another release than ${expectedJUnit}: ${foreign}"
}
def jqwikJars = classPath.findAll { it.startsWith('jqwik') }
if (expectJqwik != !jqwikJars.isEmpty()) {
    problems << "jqwik on the test class path: ${jqwikJars}, expected ${expectJqwik ? 'jqwik' : 'none'}"
}
if (problems) {
    throw new AssertionError("vendor build ${basedir.name}: " + problems.join('; '))
}
println "vendor build ${basedir.name}: ${found.values().sum()} tests in ${found.size()} classes ran and passed with JUnit ${expectedJUnit}"
return true
