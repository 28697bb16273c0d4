package bench

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// clockTicks is the kernel's USER_HZ, the unit of /proc/<pid>/stat's times;
// 100 on every Linux this runs on.
const clockTicks = 100

// CPU is the processor time the server used so far, user and system: a
// figure that, unlike the elapsed time, does not grow when other processes
// share the machine.
func (s *Server) CPU() (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0, fmt.Errorf("bench: unable to read the server's processor time: %w", err)
	}
	// The command name, in parentheses, may hold spaces: count from after it.
	fields := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
	if len(fields) < 13 {
		return 0, fmt.Errorf("bench: /proc/%d/stat has %d fields", s.cmd.Process.Pid, len(fields))
	}
	utime, err1 := strconv.ParseInt(fields[11], 10, 64) // field 14 of the whole line
	stime, err2 := strconv.ParseInt(fields[12], 10, 64) // field 15
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("bench: /proc/%d/stat: unreadable times", s.cmd.Process.Pid)
	}
	return time.Duration(utime+stime) * time.Second / clockTicks, nil
}
