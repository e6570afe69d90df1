package dev.pincer.signatures.detect;


/**
 * The word table of the SQL lexer: upper-cased word (or two words joined by one space, for the
 * folder's merges such as {@code UNION ALL}) to its token type. Written for Pincer from the
 * MySQL, PostgreSQL, SQL Server, Oracle and SQLite manuals; a word not listed is a bareword
 * ({@code n}).
 *
 * <p>Example: {@code type("union all")} is {@code 'U'}, {@code type("sleep")} is {@code 'f'},
 * {@code type("customer")} is {@code 0}.
 */
final class SqlKeywords {
    private static final WordTable TYPES = new WordTable(600);
    /** First words of the two-word phrases, so that the folder tries a merge only for them. */
    private static final WordTable FIRST_WORDS = new WordTable(64);
    /** Words that are barewords (column names) unless a parenthesis follows them. */
    private static final WordTable FUNCTION_IF_CALLED = new WordTable(16);

    static {
        for (String w : ("USER USER_ID USER_NAME DATABASE PASSWORD CURRENT_USER CURRENT_DATE"
                + " CURRENT_TIME CURRENT_TIMESTAMP LOCALTIME LOCALTIMESTAMP SCHEMA VERSION")
                .split(" ")) {
            FUNCTION_IF_CALLED.put(w, 'y');
        }
        put(SqlToken.EXPRESSION, "SELECT INSERT UPDATE DELETE DROP CREATE ALTER TRUNCATE RENAME"
                + " MERGE UPSERT HANDLER GRANT REVOKE EXPLAIN DESCRIBE SHOW PRAGMA ATTACH"
                + "|INSERT INTO|DELETE FROM|SELECT ALL|SELECT DISTINCT|SELECT TOP|DROP TABLE"
                + "|DROP DATABASE|CREATE TABLE|ALTER TABLE|REPLACE INTO|LOAD DATA");
        put(SqlToken.TSQL, "WAITFOR EXEC EXECUTE DECLARE SHUTDOWN GOTO DBCC RECONFIGURE"
                + "|WAITFOR DELAY|WAITFOR TIME|BEGIN TRAN|BEGIN TRANSACTION|EXEC MASTER");
        put(SqlToken.UNION, "UNION EXCEPT INTERSECT|UNION ALL|UNION DISTINCT|EXCEPT ALL"
                + "|INTERSECT ALL");
        put(SqlToken.GROUP, "HAVING LIMIT|GROUP BY|ORDER BY");
        put(SqlToken.KEYWORD, "FROM WHERE INTO VALUES TABLE SET AS ALL DISTINCT ON JOIN CASE"
                + " WHEN THEN ELSE END DELAY OUTFILE DUMPFILE PROCEDURE TOP BY ASC DESC USING"
                + " WITH ESCAPE FOR IN OFFSET RETURNS BEGIN COMMIT ROLLBACK NATURAL CROSS OUTER"
                + " INNER PARTITION WINDOW OVER RETURNING CONSTRAINT PRIMARY FOREIGN REFERENCES"
                + " INDEX TRIGGER VIEW COLUMN"
                + "|NOT IN|INTO OUTFILE|INTO DUMPFILE|LEFT JOIN|RIGHT JOIN|INNER JOIN|CROSS JOIN"
                + "|FULL JOIN|NATURAL JOIN|OUTER JOIN|FOR UPDATE|PROCEDURE ANALYSE|IS NULL"
                + "|IS NOT NULL|CASE WHEN");
        put(SqlToken.OPERATOR, "LIKE RLIKE REGEXP GLOB IS NOT DIV MOD BETWEEN ILIKE SIMILAR"
                + "|NOT LIKE|NOT RLIKE|NOT REGEXP|NOT BETWEEN|IS NOT|SOUNDS LIKE|NOT ILIKE"
                + "|SIMILAR TO");
        put(SqlToken.LOGIC, "AND OR XOR|AND NOT|OR NOT");
        put(SqlToken.NUMBER, "NULL TRUE FALSE");
        put(SqlToken.COLLATE, "COLLATE");
        put(SqlToken.SQLTYPE, "INT INTEGER BIGINT SMALLINT TINYINT MEDIUMINT VARCHAR NVARCHAR"
                + " VARCHAR2 NUMERIC DECIMAL DATETIME TIMESTAMP BOOLEAN BOOL BLOB CLOB SIGNED"
                + " UNSIGNED BINARY VARBINARY NCHAR");
        put(SqlToken.FUNCTION, "SLEEP IIF BENCHMARK PG_SLEEP CHAR CHR CONCAT CONCAT_WS ASCII ORD"
                + " SUBSTRING SUBSTR MID HEX UNHEX BIN LOAD_FILE EXTRACTVALUE UPDATEXML XMLTYPE"
                + " COUNT LENGTH LEN IF IFNULL ISNULL NULLIF COALESCE CAST CONVERT GROUP_CONCAT"
                + " MD5 SHA SHA1 SHA2 RAND FLOOR CEIL CEILING ROUND ABS LOWER UPPER LCASE UCASE"
                + " LEFT RIGHT REVERSE REPEAT TRIM LTRIM RTRIM REPLACE INSTR LOCATE POSITION ELT"
                + " FIELD MAKE_SET EXP POW POWER SQRT NOW SYSDATE CURDATE CURTIME SYSTEM_USER"
                + " SESSION_USER CONNECTION_ID LAST_INSERT_ID ROW_COUNT UUID DB_NAME HOST_NAME"
                + " SUSER_NAME SUSER_SNAME IS_SRVROLEMEMBER IS_MEMBER HAS_DBACCESS OBJECT_ID"
                + " QUOTENAME CHARINDEX PATINDEX STUFF SPACE STR UNICODE DATALENGTH GET_LOCK"
                + " RELEASE_LOCK MASTER_POS_WAIT JSON_EXTRACT JSON_KEYS EXTRACT MATCH EXISTS"
                + " GREATEST LEAST INET_ATON CRC32 COMPRESS UNCOMPRESS ENCODE DECODE AES_ENCRYPT"
                + " AES_DECRYPT DES_ENCRYPT ENCRYPT PG_READ_FILE PG_LS_DIR LO_IMPORT"
                + " CURRENT_DATABASE CURRENT_SCHEMA QUERY_TO_XML XMLAGG STRING_AGG ARRAY_AGG"
                + " TO_CHAR TO_NUMBER NVL SYS_CONTEXT USERENV RANDOMBLOB SQLITE_VERSION ZEROBLOB"
                + " TYPEOF LOAD_EXTENSION SUM AVG MIN MAX XP_CMDSHELL SP_EXECUTESQL OPENROWSET"
                + " OPENQUERY OPENDATASOURCE DBMS_PIPE.RECEIVE_MESSAGE DBMS_LOCK.SLEEP"
                + " UTL_INADDR.GET_HOST_NAME UTL_INADDR.GET_HOST_ADDRESS UTL_HTTP.REQUEST"
                + " CTXSYS.DRITHSX.SN DBMS_XMLGEN.GETXML EXTRACTVALUE ROW_NUMBER RANK HEX"
                + " SUBSTRING_INDEX MAKE_SET EXPORT_SET UTF8 ST_LATFROMGEOHASH GTID_SUBSET"
                + " POLYGON MULTIPOINT LINESTRING GEOMETRYCOLLECTION JSON_OBJECT JSON_ARRAY"
                + " SIN COS TAN ASIN ACOS ATAN ATAN2 COT LOG LOG10 LOG2 LN PI DEGREES RADIANS"
                + " SIGN CONV OCT SOUNDEX STRCMP LPAD RPAD DATE_FORMAT DATEDIFF FROM_BASE64"
                + " TO_BASE64 BIT_LENGTH CHAR_LENGTH OCTET_LENGTH WEIGHT_STRING NAME_CONST");
    }

    private SqlKeywords() {
    }

    /** spec: single words separated by spaces, then {@code |}-separated two-word phrases. */
    private static void put(char type, String spec) {
        String[] groups = spec.split("\\|");
        for (String word : groups[0].split(" ")) {
            TYPES.put(word, type);
        }
        for (int i = 1; i < groups.length; i++) {
            TYPES.put(groups[i], type);
            FIRST_WORDS.put(groups[i].substring(0, groups[i].indexOf(' ')), 'y');
        }
    }

    /**
     * @param word a word or two words separated by one space, any case, any bytes
     * @return its token type, or 0 when it is not a known word
     */
    static char type(String word) {
        return type(word, 0, word.length());
    }

    /** @return the type of the word {@code s[from, to)}, or 0; allocation-free */
    static char type(String s, int from, int to) {
        return to - from == 0 || to - from > 40 ? 0 : TYPES.get(s, from, to);
    }

    /** @return true when {@code word} starts a two-word phrase such as {@code UNION ALL} */
    static boolean startsPhrase(String word) {
        return word.length() <= 12 && FIRST_WORDS.get(word, 0, word.length()) != 0;
    }

    /** @return true for a bareword that is a function when a parenthesis follows it */
    static boolean isFunctionIfCalled(String word) {
        return word.length() <= 20 && FUNCTION_IF_CALLED.get(word, 0, word.length()) != 0;
    }
}
