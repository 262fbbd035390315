package com.example.tools;

public interface Named {
  String name();
}
