<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>faultshare::PreviewDialog</name>
        <message numerus="yes">
            <source>%n fault(s): %1 active, %2 resolved</source>
            <translation>
                <numerusform>%n fault: %1 active, %2 resolved</numerusform>
                <numerusform>%n faults: %1 active, %2 resolved</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>faultshare::ProfilesPage</name>
        <message numerus="yes">
            <source>%n profile(s) exported to %1, without keys.</source>
            <translation>
                <numerusform>%n profile exported to %1, without keys.</numerusform>
                <numerusform>%n profiles exported to %1, without keys.</numerusform>
            </translation>
        </message>
    </context>
</TS>
